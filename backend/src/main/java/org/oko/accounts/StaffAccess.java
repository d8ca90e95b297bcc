package org.oko.accounts;

import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;

/**
 * Who may do what with the staff registers (seed 000_c9abf0b417e3d9bf.txt): the region, its
 * municipal and responsible coordinators and an organization keep the registers of their scope;
 * everyone of them reads it; only the regional coordinator sends the list of responsible
 * organizers, which the federal organizer reads for every region.
 */
final class StaffAccess {

  private StaffAccess() {}

  /** Keeps registers: downloads the template, uploads it. */
  static void keeper(Caller caller) {
    switch (caller.role()) {
      case REGIONAL, MUNICIPAL, RESPONSIBLE, ORGANIZATION -> {}
      default -> throw new AccessDeniedException();
    }
  }

  /**
   * The region a coverage list is restricted to beyond the caller's scope: the federal organizer
   * must name one; anyone else may name only its own (another is a 404).
   */
  static String readerRegion(Caller caller, String requested) {
    return switch (caller.role()) {
      case FEDERAL -> {
        if (requested == null) {
          throw new InvalidRequestException("regionCode", "укажите регион");
        }
        yield requested;
      }
      case REGIONAL, MUNICIPAL, RESPONSIBLE, ORGANIZATION -> {
        if (requested != null && !requested.equals(caller.regionCode())) {
          throw new NotFoundException("Регион «" + requested + "» не найден");
        }
        yield null;
      }
      default -> throw new AccessDeniedException();
    };
  }

  /** The region whose list the caller sends: only a regional coordinator, its own. */
  static String submitter(Caller caller) {
    if (caller.role() != org.oko.platform.security.Role.REGIONAL) {
      throw new AccessDeniedException();
    }
    return caller.regionCode();
  }

  /**
   * The region whose sent lists the caller reads: null (every region) for the federal organizer.
   */
  static String submissionsOf(Caller caller, String requested) {
    return switch (caller.role()) {
      case FEDERAL -> requested;
      case REGIONAL -> {
        if (requested != null && !requested.equals(caller.regionCode())) {
          throw new NotFoundException("Регион «" + requested + "» не найден");
        }
        yield caller.regionCode();
      }
      default -> throw new AccessDeniedException();
    };
  }
}
