package org.oko.roadmaps;

import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;

/**
 * Who reads and writes a regional roadmap (seed 003 11–12): the region sets it, its municipal and
 * responsible coordinators and its organizations follow it, the federal organizer oversees every
 * region's.
 */
final class RoadmapAccess {

  private RoadmapAccess() {}

  /** The region whose roadmap the caller reads: its own, or the one the federal organizer names. */
  static String readableRegion(Caller caller, String requested) {
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
        yield caller.regionCode();
      }
      default -> throw new AccessDeniedException();
    };
  }

  /** Only a regional coordinator sets its region's roadmap. */
  static String writableRegion(Caller caller) {
    if (caller.role() != Role.REGIONAL) {
      throw new AccessDeniedException();
    }
    return caller.regionCode();
  }
}
