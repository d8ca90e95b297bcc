package org.oko.publications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignReadModel;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes of publications. Every read is through a {@link Reader}'s eyes: what it may not
 * read does not come back at all. Every write names the version it was decided on, so a change made
 * meanwhile (another edit, a publish) makes it a no-op the caller reports as a conflict.
 */
@Component
class PublicationStore {

  private static final String SELECT =
      """
      select p.id, p.campaign_id, c.title as campaign_title, p.title, p.body, p.audience_roles,
             p.audience_regions, p.sample_only, p.status, p.release_at, p.author_login,
             p.author_name, p.author_region, p.version, p.created_at, p.release_local,
             array(select rr.code || ' ' || rr.time_zone from region rr
                    where p.release_local is not null
                      and (rr.code = any(p.audience_regions)
                           or (cardinality(p.audience_regions) = 0
                               and rr.code in (select cr.region_code from %s cr
                                               where cr.campaign_id = p.campaign_id)))
                    order by rr.code) as release_zones,
             exists (select 1 from publication_read r
                     where r.publication_id = p.id and r.login = :login) as read
      from publication p join %s c on c.id = p.campaign_id
      """
          .formatted(CampaignReadModel.regions(), CampaignReadModel.campaigns());

  private static final String UNREAD =
      " and "
          + AudienceRule.RELEASED
          + " and not exists (select 1 from publication_read r"
          + " where r.publication_id = p.id and r.login = :login)";

  private static final String LISTED =
      " where "
          + AudienceRule.READABLE
          + " and (cast(:campaign as bigint) is null or p.campaign_id = :campaign)";

  private final DatabaseClient db;

  PublicationStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<PublicationRow> find(long id, Reader reader) {
    return reader
        .bind(
            db.sql(SELECT + " where p.id = :id and " + AudienceRule.READABLE)
                .bind("id", id)
                .bind("login", reader.login()))
        .map(PublicationStore::toRow)
        .one();
  }

  /** Newest first: by release time once published, by creation while a draft. */
  Flux<PublicationRow> list(Reader reader, Long campaignId, boolean unreadOnly, Paging paging) {
    return reader
        .bind(
            db.sql(
                    SELECT
                        + LISTED
                        + (unreadOnly ? UNREAD : "")
                        + " order by coalesce(p.release_at, p.created_at) desc, p.id desc"
                        + " limit :limit offset :offset")
                .bind("campaign", Parameter.fromOrEmpty(campaignId, Long.class))
                .bind("login", reader.login())
                .bind("limit", paging.size())
                .bind("offset", paging.offset()))
        .map(PublicationStore::toRow)
        .all();
  }

  Mono<Long> count(Reader reader, Long campaignId, boolean unreadOnly) {
    var spec =
        reader.bind(
            db.sql("select count(*) as n from publication p" + LISTED + (unreadOnly ? UNREAD : ""))
                .bind("campaign", Parameter.fromOrEmpty(campaignId, Long.class)));
    if (unreadOnly) {
      spec = spec.bind("login", reader.login());
    }
    return spec.map(r -> r.get("n", Long.class)).one();
  }

  /** Released publications the reader may read and has not opened. */
  Mono<Long> unread(Reader reader, Long campaignId) {
    return count(reader, campaignId, true);
  }

  Mono<Long> insert(
      long campaignId,
      String title,
      String body,
      PublicationAudience audience,
      List<String> organizationKinds,
      Caller author,
      Instant now) {
    return db.sql(
            """
            insert into publication (campaign_id, title, body, audience_roles, audience_regions,
                sample_only, organization_kinds, status, author_login, author_name, author_role,
                author_region, created_at)
            values (:campaign, :title, :body, :roles, :regions, :sampleOnly, :kinds, 'DRAFT',
                :login, :name, :role, :region, :now)
            returning id
            """)
        .bind("campaign", campaignId)
        .bind("title", title)
        .bind("body", body)
        .bind("roles", roles(audience))
        .bind("regions", audience.regionCodes().toArray(String[]::new))
        .bind("sampleOnly", audience.sampleOnly())
        .bind("kinds", organizationKinds.toArray(String[]::new))
        .bind("login", author.login())
        .bind("name", Parameter.fromOrEmpty(author.displayName(), String.class))
        .bind("role", author.role().name())
        .bind(
            "region",
            Parameter.fromOrEmpty(
                author.role() == Role.REGIONAL ? author.regionCode() : null, String.class))
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Changes a draft; false if it is no longer the version the change was decided on. */
  Mono<Boolean> update(
      long id,
      long version,
      long campaignId,
      String title,
      String body,
      PublicationAudience audience,
      List<String> organizationKinds) {
    return db.sql(
            """
            update publication set campaign_id = :campaign, title = :title, body = :body,
                audience_roles = :roles, audience_regions = :regions, sample_only = :sampleOnly,
                organization_kinds = :kinds, version = version + 1
            where id = :id and version = :version and status = 'DRAFT'
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("campaign", campaignId)
        .bind("title", title)
        .bind("body", body)
        .bind("roles", roles(audience))
        .bind("regions", audience.regionCodes().toArray(String[]::new))
        .bind("sampleOnly", audience.sampleOnly())
        .bind("kinds", organizationKinds.toArray(String[]::new))
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  Mono<Boolean> publish(long id, long version, Instant releaseAt, LocalDateTime releaseLocal) {
    return db.sql(
            """
            update publication set status = 'PUBLISHED', release_at = :releaseAt,
                release_local = :releaseLocal, version = version + 1
            where id = :id and version = :version
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("releaseAt", releaseAt)
        .bind("releaseLocal", Parameter.fromOrEmpty(releaseLocal, LocalDateTime.class))
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  /**
   * Claims a draft for a change of its files: bumps its version, so that a publish decided on the
   * old version fails instead of releasing a half-changed set of files.
   */
  Mono<Boolean> touchDraft(long id, long version) {
    return db.sql(
            "update publication set version = version + 1"
                + " where id = :id and version = :version and status = 'DRAFT'")
        .bind("id", id)
        .bind("version", version)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  Mono<Boolean> delete(long id, long version) {
    return db.sql("delete from publication where id = :id and version = :version")
        .bind("id", id)
        .bind("version", version)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  /** Idempotent: the first time counts. */
  Mono<Void> markRead(long id, String login, Instant now) {
    return db.sql(
            "insert into publication_read (publication_id, login, read_at)"
                + " values (:id, :login, :now) on conflict do nothing")
        .bind("id", id)
        .bind("login", login)
        .bind("now", now)
        .then();
  }

  /** {@code "25 Asia/Vladivostok"} → region 25's zone, in the order of the region codes. */
  private static Map<String, ZoneId> zones(String[] codeAndZone) {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    for (String pair : codeAndZone == null ? new String[0] : codeAndZone) {
      int space = pair.indexOf(' ');
      zones.put(pair.substring(0, space), ZoneId.of(pair.substring(space + 1)));
    }
    return zones;
  }

  private static String[] roles(PublicationAudience audience) {
    return audience.roles().stream().map(Enum::name).toArray(String[]::new);
  }

  private static PublicationRow toRow(Readable r) {
    return new PublicationRow(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("campaign_title", String.class),
        r.get("title", String.class),
        r.get("body", String.class),
        Arrays.stream(r.get("audience_roles", String[].class)).map(Role::valueOf).toList(),
        List.of(r.get("audience_regions", String[].class)),
        r.get("sample_only", Boolean.class),
        "PUBLISHED".equals(r.get("status", String.class)),
        r.get("release_at", Instant.class),
        r.get("release_local", LocalDateTime.class),
        zones(r.get("release_zones", String[].class)),
        r.get("author_login", String.class),
        r.get("author_name", String.class),
        r.get("author_region", String.class),
        r.get("version", Long.class),
        r.get("created_at", Instant.class),
        r.get("read", Boolean.class));
  }
}
