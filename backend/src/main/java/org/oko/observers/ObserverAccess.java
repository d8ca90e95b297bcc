package org.oko.observers;

import java.util.EnumSet;
import java.util.Set;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/**
 * Who may see and do what with observers. Public observers belong to the scope of the organization
 * that proposed them; independent ones to their region, where only the regional coordinator (and
 * the federal organizer) deal with them. Assignments, notes and acts belong to the scope of the
 * point, and to the observer assigned.
 */
final class ObserverAccess {

  /** The coordinators who decide on candidates and assign observers. */
  static final Role[] COORDINATORS = {
    Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE
  };

  /** Those who read lists of observers, assignments and acts of a scope. */
  static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE, Role.ORGANIZATION
  };

  private static final Set<Role> REGION_WIDE = EnumSet.of(Role.FEDERAL, Role.REGIONAL);

  private ObserverAccess() {}

  /** Whether the caller deals with independent observers (appoints, sees, assigns them). */
  static boolean handlesIndependent(Caller caller) {
    return REGION_WIDE.contains(caller.role());
  }

  static boolean sees(Caller caller, ObserverInfo observer) {
    Visibility scope = Visibility.of(caller);
    if (observer.kind() == ObserverInfo.Kind.INDEPENDENT) {
      return handlesIndependent(caller) && scope.seesRegion(observer.regionCode());
    }
    return scope.seesOrganization(observer.proposedBy());
  }

  /** Whether a coordinator or the organization itself sees the point. */
  static boolean seesPoint(Caller caller, OrganizationRef point) {
    return caller.role() != Role.OBSERVER && Visibility.of(caller).seesOrganization(point);
  }

  /** Whether a coordinator watches the presence board of the point (pushed live). */
  static boolean watchesPresence(Caller caller, OrganizationRef point) {
    return java.util.Arrays.asList(COORDINATORS).contains(caller.role())
        && Visibility.of(caller).seesOrganization(point);
  }

  /** The observer of the assignment, or a reader whose scope holds its point. */
  static boolean sees(Caller caller, AssignmentInfo assignment) {
    if (caller.role() == Role.OBSERVER) {
      return caller.login().equals(assignment.observerLogin());
    }
    return seesPoint(caller, assignment.point());
  }

  static boolean isObserverOf(Caller caller, AssignmentInfo assignment) {
    return caller.role() == Role.OBSERVER && caller.login().equals(assignment.observerLogin());
  }
}
