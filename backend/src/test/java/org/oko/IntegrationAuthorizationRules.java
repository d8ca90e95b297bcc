package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;

/**
 * Who may call the API for regional systems. The change feed is for whole regions and the country:
 * a region's system and coordinator read their region's events, the federal organizer all; a
 * foreign region's cursor is refused (400, {@code integration.ChangeFeedTests}).
 */
class IntegrationAuthorizationRules implements FeatureRules {

  private static final String CHANGES = "/api/changes?limit=1";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listChanges",
        List.of(
            Case.get(AuthorizationMatrixTests.FEDERAL_LOGIN, CHANGES, 200),
            Case.get(AuthorizationMatrixTests.REGIONAL_LOGIN, CHANGES, 200),
            Case.get("region64-system", CHANGES, 200),
            Case.get("region02", CHANGES, 200),
            Case.get(AuthorizationMatrixTests.MUNICIPAL_LOGIN, CHANGES, 403),
            Case.get(AuthorizationMatrixTests.RESPONSIBLE_LOGIN, CHANGES, 403),
            Case.get(AuthorizationMatrixTests.SCHOOL_LOGIN, CHANGES, 403),
            Case.get("scan64", CHANGES, 403)));
    return rules;
  }
}
