package org.oko.results;

import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/** Who may see which reports: the one scope rule, the release, and flags for coordinators only. */
final class ReportAccess {

  private ReportAccess() {}

  /** The caller's part of the hierarchy (403 for roles without one). */
  static Visibility scope(Caller caller) {
    return Visibility.of(caller);
  }

  /** Organizations and municipal or responsible coordinators wait for the region's release. */
  static boolean waitsForRelease(Caller caller) {
    return caller.role() == Role.ORGANIZATION
        || caller.role() == Role.MUNICIPAL
        || caller.role() == Role.RESPONSIBLE;
  }

  /** Objectivity flags are for coordinators and the federal organizer, never the organization. */
  static void requireFlagReader(Caller caller) {
    switch (caller.role()) {
      case FEDERAL, REGIONAL, MUNICIPAL, RESPONSIBLE -> {}
      default -> throw new AccessDeniedException();
    }
  }

  static boolean readsFlags(Caller caller) {
    return switch (caller.role()) {
      case FEDERAL, REGIONAL, MUNICIPAL, RESPONSIBLE -> true;
      default -> false;
    };
  }

  /** Tables of units below and the openings monitoring: not for an organization itself. */
  static void requireCoordinator(Caller caller) {
    switch (caller.role()) {
      case FEDERAL, REGIONAL, MUNICIPAL, RESPONSIBLE, API_CLIENT -> {}
      default -> throw new AccessDeniedException();
    }
  }

  static void requireFederal(Caller caller) {
    if (caller.role() != Role.FEDERAL) {
      throw new AccessDeniedException();
    }
  }

  /** Whether the scope covers a whole region (its report, its table). */
  static boolean seesWholeRegion(Visibility scope, String regionCode) {
    return scope.seesRegion(regionCode)
        && scope.municipalityId() == null
        && scope.organizationId() == null
        && !scope.withoutMunicipalityOnly();
  }

  /** Whether the scope may list the organizations of a region (filtered by the scope itself). */
  static boolean listsInRegion(Visibility scope, String regionCode) {
    return scope.seesRegion(regionCode) && scope.organizationId() == null;
  }
}
