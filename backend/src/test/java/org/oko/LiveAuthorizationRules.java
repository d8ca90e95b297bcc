package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;

/**
 * Who may call the live operations, in and out of their scope. A ticket carries no scope of its own
 * (the socket checks every subscription), so only the role decides.
 */
class LiveAuthorizationRules implements FeatureRules {

  private static final String URI = "/api/live/tickets";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "issueLiveTicket",
        List.of(
            Case.post(AuthorizationMatrixTests.FEDERAL_LOGIN, URI, null, 201),
            Case.post(AuthorizationMatrixTests.REGIONAL_LOGIN, URI, null, 201),
            Case.post("region02", URI, null, 201),
            Case.post("scan64", URI, null, 201),
            Case.post(AuthorizationMatrixTests.MUNICIPAL_LOGIN, URI, null, 403),
            Case.post(AuthorizationMatrixTests.RESPONSIBLE_LOGIN, URI, null, 403),
            Case.post(AuthorizationMatrixTests.SCHOOL_LOGIN, URI, null, 403),
            Case.post("region64-system", URI, null, 403)));
    return rules;
  }
}
