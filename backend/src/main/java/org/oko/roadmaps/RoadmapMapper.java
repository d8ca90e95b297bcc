package org.oko.roadmaps;

import java.util.Collection;
import java.util.List;
import org.oko.api.model.RoadmapAudience;
import org.oko.platform.security.Role;

/** Whom a roadmap deadline binds: the contract's {@code RoadmapAudience} to roles and back. */
final class RoadmapMapper {

  private RoadmapMapper() {}

  static List<Role> binds(Collection<RoadmapAudience> in) {
    return in == null ? List.of() : in.stream().map(a -> Role.valueOf(a.getValue())).toList();
  }

  static List<RoadmapAudience> audience(List<Role> binds) {
    return binds.stream().map(r -> RoadmapAudience.fromValue(r.name())).toList();
  }
}
