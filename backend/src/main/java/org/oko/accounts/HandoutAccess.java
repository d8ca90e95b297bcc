package org.oko.accounts;

import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/**
 * Who does what with a credentials hand-out (seed 000: the federal organizer issues, the region
 * receives the list in its personal account; seed 003 8.1/9.1: the municipality receives its part
 * from the region). Places are checked with the caller's {@link Visibility}: outside it, 404.
 */
final class HandoutAccess {

  private HandoutAccess() {}

  /** The federal organizer and regional coordinators issue; the caller's scope, or 403. */
  static Visibility issuer(Caller caller) {
    if (caller.role() != Role.FEDERAL && caller.role() != Role.REGIONAL) {
      throw new AccessDeniedException();
    }
    return Visibility.of(caller);
  }

  /** Those who see hand-outs: issuers, and the coordinators a part may be passed to. */
  static Visibility reader(Caller caller) {
    return switch (caller.role()) {
      case FEDERAL, REGIONAL, MUNICIPAL, RESPONSIBLE -> Visibility.of(caller);
      default -> throw new AccessDeniedException();
    };
  }

  /** Whether the caller reads parts passed to it rather than whole hand-outs. */
  static boolean receivesParts(Caller caller) {
    return caller.role() == Role.MUNICIPAL || caller.role() == Role.RESPONSIBLE;
  }

  /** Only the region downloads the whole list and passes parts on; the federal organizer not. */
  static void requireRegion(Caller caller) {
    if (caller.role() != Role.REGIONAL) {
      throw new AccessDeniedException();
    }
  }

  /** Only a municipal or responsible coordinator downloads a part. */
  static void requirePartReceiver(Caller caller) {
    if (!receivesParts(caller)) {
      throw new AccessDeniedException();
    }
  }
}
