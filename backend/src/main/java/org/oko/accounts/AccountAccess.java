package org.oko.accounts;

import java.util.EnumSet;
import java.util.Set;
import org.oko.identity.ManagedAccount;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/**
 * Who may appoint whom (seed 000: the federal organizer issues the regional coordinator's login;
 * the region appoints its coordinators, scanning-centre specialists, experts and observers; seed
 * 003 2–3: municipal and responsible coordinators are appointed by the region). Nobody grants a
 * role above their own; where the account sits is checked with the caller's {@link Visibility}.
 */
final class AccountAccess {

  private static final Set<Role> REGION_STAFF =
      EnumSet.of(
          Role.MUNICIPAL,
          Role.RESPONSIBLE,
          Role.SCANNER,
          Role.EXPERT,
          Role.OBSERVER,
          Role.ORGANIZATION);

  private AccountAccess() {}

  /** The roles a caller may grant; empty for those who manage no accounts. */
  static Set<Role> grantable(Role caller) {
    return switch (caller) {
      case FEDERAL -> {
        Set<Role> all = EnumSet.of(Role.FEDERAL, Role.REGIONAL);
        all.addAll(REGION_STAFF);
        yield all;
      }
      case REGIONAL -> EnumSet.copyOf(REGION_STAFF);
      // A municipality (and the responsible coordinator, for the organizations without one)
      // keeps its schools' staff records.
      case MUNICIPAL, RESPONSIBLE -> EnumSet.of(Role.ORGANIZATION);
      default -> EnumSet.noneOf(Role.class);
    };
  }

  /** The caller's scope if it manages accounts at all; 403 otherwise. */
  static Visibility manager(Caller caller) {
    if (grantable(caller.role()).isEmpty()) {
      throw new AccessDeniedException();
    }
    return Visibility.of(caller);
  }

  /** 403 unless the caller may grant {@code role}. */
  static void requireGrantable(Caller caller, Role role) {
    if (!grantable(caller.role()).contains(role)) {
      throw new AccessDeniedException();
    }
  }

  /**
   * Whether the account lies inside the caller's part of the hierarchy (else it is a 404): the rule
   * {@link Visibility#condition} draws for lists, on the account's own region, municipality and
   * organization.
   */
  static boolean sees(Visibility scope, ManagedAccount account) {
    if (account.regionCode() == null) {
      return scope.everything();
    }
    long organization = account.organizationId() == null ? -1 : account.organizationId();
    return scope.seesOrganization(organization, account.regionCode(), account.municipalityId());
  }

  /** 403 unless the caller may manage (deactivate, reset) this visible account. */
  static void requireManages(Caller caller, ManagedAccount account) {
    requireGrantable(caller, account.role());
  }
}
