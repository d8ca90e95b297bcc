package org.oko.scans;

import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;

/**
 * {@link ScanAccess} as an SQL filter over rows that carry {@code region_code} and {@code
 * organization_id}, joined to their organization as {@code o}.
 */
record ScanScope(
    String regionCode, Long municipalityId, boolean withoutMunicipalityOnly, Long organizationId) {

  static ScanScope of(Caller caller) {
    ScanAccess.requireReader(caller);
    if (caller.role() == Role.SCANNER) {
      return new ScanScope(caller.regionCode(), null, false, null);
    }
    Visibility v = Visibility.of(caller);
    return new ScanScope(
        v.regionCode(), v.municipalityId(), v.withoutMunicipalityOnly(), v.organizationId());
  }

  /** The condition on a table aliased {@code alias} (with {@code o} its organization). */
  static String sql(String alias) {
    return " and (cast(:scope_region as text) is null or "
        + alias
        + ".region_code = :scope_region)"
        + " and (cast(:scope_municipality as bigint) is null"
        + " or o.municipality_id = :scope_municipality)"
        + " and (not :scope_no_municipality or o.municipality_id is null)"
        + " and (cast(:scope_org as bigint) is null or "
        + alias
        + ".organization_id = :scope_org)";
  }

  GenericExecuteSpec bind(GenericExecuteSpec spec) {
    return spec.bind("scope_region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("scope_municipality", Parameter.fromOrEmpty(municipalityId, Long.class))
        .bind("scope_no_municipality", withoutMunicipalityOnly)
        .bind("scope_org", Parameter.fromOrEmpty(organizationId, Long.class));
  }
}
