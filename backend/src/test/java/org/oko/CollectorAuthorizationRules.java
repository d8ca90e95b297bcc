package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;

/** Who may call the collector operations, in and out of their scope. */
class CollectorAuthorizationRules implements FeatureRules {

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    // TODO: every operation of the tag
    return rules;
  }
}
