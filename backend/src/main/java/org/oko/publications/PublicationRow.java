package org.oko.publications;

import java.time.Instant;
import java.util.List;
import org.oko.api.model.PublicationStatus;
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
    String authorLogin,
    String authorName,
    String authorRegion,
    long version,
    Instant createdAt,
    boolean read) {

  /** DRAFT until published; then SCHEDULED until the release time comes. */
  PublicationStatus statusAt(Instant now) {
    if (!published) {
      return PublicationStatus.DRAFT;
    }
    return releaseAt.isAfter(now) ? PublicationStatus.SCHEDULED : PublicationStatus.RELEASED;
  }

  /** FEDERAL may act on any publication; a region on those of its own coordinators. */
  boolean authoredBy(Caller caller) {
    return caller.role() == Role.FEDERAL
        || (caller.role() == Role.REGIONAL
            && authorRegion != null
            && authorRegion.equals(caller.regionCode()));
  }
}
