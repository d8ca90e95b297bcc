package org.oko.roadmaps;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.Stage;
import org.oko.platform.security.Role;

/**
 * One deadline of a region's roadmap, inside the federal window of {@code stage}.
 *
 * @param binds whom it binds (issue 19: municipal or responsible coordinators, organizations, the
 *     scanning centre, experts, observers); empty — everyone in the region
 */
record RoadmapItem(Stage stage, String title, Instant dueAt, List<Role> binds) {

  RoadmapItem {
    binds = binds == null ? List.of() : List.copyOf(binds);
  }

  RoadmapItem(Stage stage, String title, Instant dueAt) {
    this(stage, title, dueAt, List.of());
  }
}
