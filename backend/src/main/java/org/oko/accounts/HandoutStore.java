package org.oko.accounts;

import static org.oko.platform.web.ApiTimes.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.oko.orgs.ScopeCondition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hand-outs and their municipal parts ({@code credential_handout}, {@code
 * credential_handout_part}).
 */
@Component
class HandoutStore {

  /** A hand-out as stored; {@code sealed} while its list waits for the region's download. */
  record Handout(
      long id,
      Long campaignId,
      String campaignTitle,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String scope,
      int accounts,
      int resets,
      String issuedBy,
      Instant issuedAt,
      String downloadedBy,
      Instant downloadedAt,
      boolean sealed) {}

  /** A municipality's part ({@code municipalityId} null: the organizations without one). */
  record Part(
      long id,
      long handoutId,
      String regionCode,
      Long municipalityId,
      String municipalityName,
      int accounts,
      String passedBy,
      Instant passedAt,
      String downloadedBy,
      Instant downloadedAt) {}

  /** What a new hand-out records. */
  record NewHandout(
      Long campaignId,
      String campaignTitle,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String scope,
      int accounts,
      int resets,
      String issuedBy,
      String issuedRole,
      Instant issuedAt) {}

  private static final String HANDOUT =
      "select h.id, h.campaign_id, h.campaign_title, h.region_code, h.municipality_id,"
          + " h.organization_id, h.scope_label, h.accounts, h.resets, h.issued_by, h.issued_at,"
          + " h.downloaded_by, h.downloaded_at, h.blob_key is not null as sealed"
          + " from credential_handout h";

  private static final String PART =
      "select p.id, p.handout_id, p.region_code, p.municipality_id, p.municipality_name,"
          + " p.accounts, p.passed_by, p.passed_at, p.downloaded_by, p.downloaded_at"
          + " from credential_handout_part p";

  /** Where a hand-out and a part keep their place, for {@code Visibility.condition}. */
  static final ScopeCondition.Columns HANDOUT_PLACE =
      new ScopeCondition.Columns("h.region_code", "h.municipality_id", "h.organization_id");

  static final ScopeCondition.Columns PART_PLACE =
      new ScopeCondition.Columns("p.region_code", "p.municipality_id", "p.handout_id");

  private final DatabaseClient db;

  HandoutStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Long> insert(NewHandout h, HandoutFileStore.Sealed file) {
    GenericExecuteSpec spec =
        db.sql(
                "insert into credential_handout (campaign_id, campaign_title, region_code,"
                    + " municipality_id, organization_id, scope_label, accounts, resets, issued_by,"
                    + " issued_role, issued_at, blob_key, sealing_key) values (:campaign, :title,"
                    + " :region, :municipality, :organization, :scope, :accounts, :resets, :by,"
                    + " :role, :at, :blob, :key) returning id")
            .bind("campaign", Parameter.fromOrEmpty(h.campaignId(), Long.class))
            .bind("title", Parameter.fromOrEmpty(h.campaignTitle(), String.class))
            .bind("region", h.regionCode())
            .bind("municipality", Parameter.fromOrEmpty(h.municipalityId(), Long.class))
            .bind("organization", Parameter.fromOrEmpty(h.organizationId(), Long.class))
            .bind("scope", h.scope())
            .bind("accounts", h.accounts())
            .bind("resets", h.resets())
            .bind("by", h.issuedBy())
            .bind("role", h.issuedRole())
            .bind("at", utc(h.issuedAt()))
            .bind("blob", file.blobKey())
            .bind("key", file.key());
    return spec.map(r -> r.get("id", Long.class)).one();
  }

  Mono<Void> insertPart(
      long handoutId, String regionCode, HandoutRules.Part part, HandoutFileStore.Sealed file) {
    return db.sql(
            "insert into credential_handout_part (handout_id, region_code, municipality_id,"
                + " municipality_name, accounts, blob_key, sealing_key) values (:h, :region, :m,"
                + " :name, :accounts, :blob, :key)")
        .bind("h", handoutId)
        .bind("region", regionCode)
        .bind("m", Parameter.fromOrEmpty(part.municipalityId(), Long.class))
        .bind("name", part.municipalityName())
        .bind("accounts", part.lines().size())
        .bind("blob", file.blobKey())
        .bind("key", file.key())
        .then();
  }

  Mono<Handout> handout(long id) {
    return db.sql(HANDOUT + " where h.id = :id").bind("id", id).map(HandoutStore::toHandout).one();
  }

  Mono<Part> part(long id) {
    return db.sql(PART + " where p.id = :id").bind("id", id).map(HandoutStore::toPart).one();
  }

  /**
   * Marks the hand-out downloaded and takes its sealed list off it, in one statement: of two
   * requests racing, one gets the file. Empty when it was downloaded before.
   */
  Mono<HandoutFileStore.Sealed> claimDownload(long id, String by, Instant at) {
    return claim("credential_handout", id, by, at, "");
  }

  /** The same for a part, only once it has been passed on. */
  Mono<HandoutFileStore.Sealed> claimPartDownload(long id, String by, Instant at) {
    return claim("credential_handout_part", id, by, at, " and passed_at is not null");
  }

  private Mono<HandoutFileStore.Sealed> claim(
      String table, long id, String by, Instant at, String more) {
    return db.sql(
            "update "
                + table
                + " t set downloaded_by = :by, downloaded_at = :at, blob_key = null,"
                + " sealing_key = null from (select blob_key, sealing_key from "
                + table
                + " where id = :id for update) old where t.id = :id and t.downloaded_at is null"
                + more
                + " returning old.blob_key, old.sealing_key")
        .bind("id", id)
        .bind("by", by)
        .bind("at", utc(at))
        .map(
            r ->
                new HandoutFileStore.Sealed(
                    r.get("blob_key", String.class), r.get("sealing_key", byte[].class)))
        .one();
  }

  /** Marks the part passed on; false when it already was. */
  Mono<Boolean> pass(long partId, String by, Instant at) {
    return db.sql(
            "update credential_handout_part set passed_by = :by, passed_at = :at"
                + " where id = :id and passed_at is null")
        .bind("id", partId)
        .bind("by", by)
        .bind("at", utc(at))
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /**
   * A page of hand-outs inside {@code scope} (on {@link #HANDOUT_PLACE}), newest first; with {@code
   * partsOnly}, those with a part passed on inside {@code scope} (on {@link #PART_PLACE}).
   */
  Flux<Handout> page(
      ScopeCondition scope, boolean partsOnly, Long campaignId, long offset, int limit) {
    String sql =
        HANDOUT
            + where(scope, partsOnly, campaignId)
            + " order by h.issued_at desc, h.id desc limit :limit offset :offset";
    return bind(db.sql(sql), scope, campaignId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(HandoutStore::toHandout)
        .all();
  }

  Mono<Long> count(ScopeCondition scope, boolean partsOnly, Long campaignId) {
    String sql = "select count(*) from credential_handout h" + where(scope, partsOnly, campaignId);
    return bind(db.sql(sql), scope, campaignId).map(r -> r.get(0, Long.class)).one();
  }

  /** The parts of these hand-outs inside {@code scope} (on {@link #PART_PLACE}). */
  Flux<Part> parts(List<Long> handoutIds, ScopeCondition scope) {
    String sql =
        PART
            + " where p.handout_id = any(:ids)"
            + scope.and()
            + " order by p.handout_id, p.municipality_name nulls last";
    return scope
        .bind(db.sql(sql).bind("ids", handoutIds.toArray(Long[]::new)))
        .map(HandoutStore::toPart)
        .all();
  }

  private static String where(ScopeCondition scope, boolean partsOnly, Long campaignId) {
    String place =
        partsOnly
            ? " where exists (select 1 from credential_handout_part p where p.handout_id = h.id"
                + " and p.passed_at is not null"
                + scope.and()
                + ")"
            : " where true" + scope.and();
    return place + (campaignId == null ? "" : " and h.campaign_id = :campaign");
  }

  private static GenericExecuteSpec bind(
      GenericExecuteSpec spec, ScopeCondition scope, Long campaignId) {
    GenericExecuteSpec bound = scope.bind(spec);
    return campaignId == null ? bound : bound.bind("campaign", campaignId);
  }

  private static Handout toHandout(Readable r) {
    return new Handout(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("campaign_title", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("organization_id", Long.class),
        r.get("scope_label", String.class),
        r.get("accounts", Integer.class),
        r.get("resets", Integer.class),
        r.get("issued_by", String.class),
        instant(r, "issued_at"),
        r.get("downloaded_by", String.class),
        instant(r, "downloaded_at"),
        Boolean.TRUE.equals(r.get("sealed", Boolean.class)));
  }

  private static Part toPart(Readable r) {
    return new Part(
        r.get("id", Long.class),
        r.get("handout_id", Long.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality_name", String.class),
        r.get("accounts", Integer.class),
        r.get("passed_by", String.class),
        instant(r, "passed_at"),
        r.get("downloaded_by", String.class),
        instant(r, "downloaded_at"));
  }

  private static Instant instant(Readable r, String column) {
    OffsetDateTime at = r.get(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
