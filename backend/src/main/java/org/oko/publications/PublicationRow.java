package org.oko.publications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/** A publication as stored, with whether the reader has opened it. */
record PublicationRow(
    long id,
    long campaignId,
    String campaignTitle,
    String title,
    String body,
    List<Role> roles,
    List<String> regionCodes,
    boolean sampleOnly,
    boolean published,
    Instant releaseAt,
    LocalDateTime releaseLocal,
    Map<String, ZoneId> releaseZones,
    String authorLogin,
    String authorName,
    String authorRegion,
    long version,
    Instant createdAt,
    boolean read) {

  /** DRAFT until published; then SCHEDULED until the release time comes. */
  /** Where a publication stands; the API's {@code PublicationStatus} has the same values. */
  enum Status {
    DRAFT,
    SCHEDULED,
    RELEASED
  }

  /** For a release at local time, each audience region's moment, earliest first; else empty. */
  List<ReleaseRules.RegionRelease> regionReleases() {
    if (releaseLocal == null) {
      return List.of();
    }
    return releaseZones.entrySet().stream()
        .map(
            e ->
                new ReleaseRules.RegionRelease(
                    e.getKey(), e.getValue(), releaseLocal.atZone(e.getValue()).toInstant()))
        .sorted(Comparator.comparing(ReleaseRules.RegionRelease::at))
        .toList();
  }

  Status statusAt(Instant now) {
    if (!published) {
      return Status.DRAFT;
    }
    return releaseAt.isAfter(now) ? Status.SCHEDULED : Status.RELEASED;
  }

  /**
   * Whether the caller is the publication's author, who alone changes, publishes or deletes it: the
   * federal organizer for its own publications, a region's coordinators for their region's. The
   * federal organizer reads a region's drafts but does not change them: a region's publication goes
   * out under the region's name to the region's organizations, and a federal hand on its audience
   * could send it past the region's borders.
   */
  boolean authoredBy(Caller caller) {
    return switch (caller.role()) {
      case FEDERAL -> authorRegion == null;
      case REGIONAL -> authorRegion != null && authorRegion.equals(caller.regionCode());
      default -> false;
    };
  }
}
