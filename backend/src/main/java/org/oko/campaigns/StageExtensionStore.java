package org.oko.campaigns;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.oko.orgs.OrganizationRef;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes of {@code stage_extension}. */
@Component
class StageExtensionStore {

  private static final String SELECT =
      """
      select x.id, x.stage_code, x.region_code, x.closes_at, x.reason, x.granted_by, x.granted_at,
             o.id as org_id, o.login, o.name, o.region_code as org_region, o.municipality_id,
             m.name as municipality
      from stage_extension x
      left join organization o on o.id = x.organization_id
      left join municipality m on m.id = o.municipality_id
      """;

  /** A region, or an organization, an extension is granted to. */
  record Target(String regionCode, Long organizationId) {}

  private final DatabaseClient db;

  StageExtensionStore(DatabaseClient db) {
    this.db = db;
  }

  /** The stage's extensions; with {@code regionCode}, only those concerning that region. */
  Flux<Extension> list(long campaignId, Stage stage, String regionCode) {
    return db.sql(
            SELECT
                + " where x.campaign_id = :id and x.stage_code = :code"
                + " and (cast(:region as text) is null or x.region_code = :region"
                + " or o.region_code = :region)"
                + " order by x.closes_at desc, x.id desc")
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .map(StageExtensionStore::toExtension)
        .all();
  }

  Mono<Extension> find(long id) {
    return db.sql(SELECT + " where x.id = :id")
        .bind("id", id)
        .map(StageExtensionStore::toExtension)
        .one();
  }

  /** Grants or replaces the target's extension of the stage; emits its id. */
  Mono<Long> upsert(
      long campaignId,
      Stage stage,
      Target target,
      Instant closes,
      String reason,
      String grantedBy,
      Instant now) {
    String conflict =
        target.regionCode() != null
            ? "(campaign_id, stage_code, region_code) where region_code is not null"
            : "(campaign_id, stage_code, organization_id) where organization_id is not null";
    return db.sql(
            "insert into stage_extension (campaign_id, stage_code, region_code, organization_id,"
                + " closes_at, reason, granted_by, granted_at)"
                + " values (:id, :code, :region, :org, :closes, :reason, :by, :now)"
                + " on conflict "
                + conflict
                + " do update set closes_at = excluded.closes_at, reason = excluded.reason,"
                + " granted_by = excluded.granted_by, granted_at = excluded.granted_at"
                + " returning id")
        .bind("id", campaignId)
        .bind("code", stage.name())
        .bind("region", Parameter.fromOrEmpty(target.regionCode(), String.class))
        .bind("org", Parameter.fromOrEmpty(target.organizationId(), Long.class))
        .bind("closes", closes)
        .bind("reason", Parameter.fromOrEmpty(reason, String.class))
        .bind("by", grantedBy)
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  private static Extension toExtension(Readable r) {
    Long orgId = r.get("org_id", Long.class);
    OrganizationRef organization =
        orgId == null
            ? null
            : new OrganizationRef(
                orgId,
                r.get("login", String.class),
                r.get("name", String.class),
                r.get("org_region", String.class),
                r.get("municipality_id", Long.class),
                r.get("municipality", String.class));
    return new Extension(
        r.get("id", Long.class),
        Stage.valueOf(r.get("stage_code", String.class)),
        r.get("region_code", String.class),
        organization,
        r.get("closes_at", Instant.class),
        r.get("reason", String.class),
        r.get("granted_by", String.class),
        r.get("granted_at", Instant.class));
  }
}
