// A fixture for ScopeRuleTests (never compiled): a feature that writes its own scope predicate.
class LeakyKitStore {
  static final String FILTER =
      " and (cast(:region as text) is null or k.region_code = :region)"
          + " and (not :withoutMunicipality or o.municipality_id is null)";
}
