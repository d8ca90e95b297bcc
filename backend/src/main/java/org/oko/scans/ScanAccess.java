package org.oko.scans;

import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/**
 * Who sees which scans. A scanning specialist works for the whole region of its centre; everyone
 * else follows the organization scope rule ({@link Visibility}).
 */
final class ScanAccess {

  private ScanAccess() {}

  /** Roles that may read the collector at all (in their scope); others get 403. */
  static void requireReader(Caller caller) {
    switch (caller.role()) {
      case FEDERAL, REGIONAL, MUNICIPAL, RESPONSIBLE, ORGANIZATION, SCANNER, API_CLIENT -> {}
      default -> throw new AccessDeniedException();
    }
  }

  static boolean seesRegion(Caller caller, String regionCode) {
    if (caller.role() == Role.SCANNER) {
      return caller.seesRegion(regionCode);
    }
    return Visibility.of(caller).seesRegion(regionCode);
  }

  static boolean seesOrganization(Caller caller, OrganizationRef organization) {
    if (caller.role() == Role.SCANNER) {
      return caller.seesRegion(organization.regionCode());
    }
    return Visibility.of(caller).seesOrganization(organization);
  }

  static boolean seesOrganization(
      Caller caller, long organizationId, String regionCode, Long municipalityId) {
    if (caller.role() == Role.SCANNER) {
      return caller.seesRegion(regionCode);
    }
    return Visibility.of(caller).seesOrganization(organizationId, regionCode, municipalityId);
  }
}
