package org.oko.publications;

import java.time.Instant;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which publications opened in which region, and which of those openings were announced. */
@Component
class PublicationReleaseStore {

  /** A publication's opening in a region that has come and is not announced yet. */
  record Due(
      long publicationId, long campaignId, String regionCode, String title, Instant releasedAt) {}

  /** Announced per pass at most: a backlog is worked off over the next passes. */
  static final int BATCH = 500;

  private final DatabaseClient db;

  PublicationReleaseStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The openings due at {@code now}: published, its release time passed (for a release at local
   * time, the region's own moment, as {@link AudienceRule#RELEASED} reads it), in a region of its
   * audience (every region of the campaign when it names none), not announced yet.
   */
  Flux<Due> due(Instant now) {
    return db.sql(
            """
            select p.id, p.campaign_id, cr.region_code, p.title,
                   case when p.release_local is null then p.release_at
                        else greatest(p.release_at, timezone(r.time_zone, p.release_local))
                   end as released_at
            from publication p
            join %s cr on cr.campaign_id = p.campaign_id
            join region r on r.code = cr.region_code
            where p.status = 'PUBLISHED' and p.release_at <= :now
              and (p.release_local is null or timezone(r.time_zone, p.release_local) <= :now)
              and (cardinality(p.audience_regions) = 0 or cr.region_code = any (p.audience_regions))
              and not exists (select 1 from publication_region_release x
                              where x.publication_id = p.id and x.region_code = cr.region_code)
            order by released_at, p.id, cr.region_code
            limit %d
            """
                .formatted(CampaignReadModel.regions(), BATCH))
        .bind("now", now)
        .map(
            r ->
                new Due(
                    r.get("id", Long.class),
                    r.get("campaign_id", Long.class),
                    r.get("region_code", String.class),
                    r.get("title", String.class),
                    r.get("released_at", Instant.class)))
        .all();
  }

  /** Records the opening as announced; false when another instance already did. */
  Mono<Boolean> claim(Due due, Instant now) {
    return db.sql(
            """
            insert into publication_region_release (publication_id, region_code, released_at,
                announced_at)
            values (:publication, :region, :released, :now)
            on conflict do nothing
            """)
        .bind("publication", due.publicationId())
        .bind("region", due.regionCode())
        .bind("released", due.releasedAt())
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }
}
