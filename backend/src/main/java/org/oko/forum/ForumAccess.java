package org.oko.forum;

import java.util.Objects;
import java.util.Set;
import org.oko.platform.security.Role;

/**
 * Who may do what in a forum, for a reader already known to be an organizer of it (see {@link
 * ForumService#reader}). Pure: no I/O.
 *
 * <p>The seed (000): every question and answer is visible to all organizers of the campaign. A
 * regional thread (seed 003, 10.2: municipal coordinators raise difficulties with the regional
 * coordinator) is visible to its region's organizers only. The federal organizer answers and
 * moderates the common questions; a regional coordinator answers its own region's questions where
 * the federal organizer delegated the section, and answers and moderates its region's thread.
 */
final class ForumAccess {

  /** The roles that are organizers at all (an organization only as a college's organizer). */
  static final Set<Role> ORGANIZER_ROLES =
      Set.of(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE, Role.ORGANIZATION);

  private ForumAccess() {}

  static boolean sees(Reader reader, Question q) {
    if (q.regionalThread() != null && !q.regionalThread().equals(reader.regionCode())) {
      return false;
    }
    return !q.hidden() || moderates(reader, q);
  }

  static boolean seesAnswer(Reader reader, Question q, Answer a) {
    return !a.hidden() || moderates(reader, q);
  }

  /** Whether the reader may ask here; in a regional thread only those below the region do. */
  static boolean asks(Reader reader, boolean regional) {
    return switch (reader.role()) {
      case MUNICIPAL, RESPONSIBLE, ORGANIZATION -> true;
      case REGIONAL -> !regional;
      default -> false;
    };
  }

  static boolean answers(Reader reader, Question q) {
    if (q.regionalThread() != null) {
      return reader.regional() && q.regionalThread().equals(reader.regionCode());
    }
    if (reader.federal()) {
      return true;
    }
    return q.sectionDelegated()
        && reader.regional()
        && Objects.equals(reader.regionCode(), q.author().regionCode());
  }

  static boolean moderates(Reader reader, Question q) {
    if (q.regionalThread() != null) {
      return reader.regional() && q.regionalThread().equals(reader.regionCode());
    }
    return reader.federal();
  }

  static boolean accepts(Reader reader, Question q) {
    return reader.login().equals(q.author().login()) || moderates(reader, q);
  }

  /** The region whose coordinator answers a new question, if any. */
  static String answeringRegion(boolean delegated, String authorRegion, String regionalThread) {
    if (regionalThread != null) {
      return regionalThread;
    }
    return delegated ? authorRegion : null;
  }
}
