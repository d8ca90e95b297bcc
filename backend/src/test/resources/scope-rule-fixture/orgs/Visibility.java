// A fixture for ScopeRuleTests (never compiled): orgs itself may write the predicate.
class Visibility {
  static final String WITHOUT_MUNICIPALITY = "o.municipality_id is null";
}
