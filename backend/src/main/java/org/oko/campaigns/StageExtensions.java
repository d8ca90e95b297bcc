package org.oko.campaigns;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageExtension;
import org.oko.api.model.StageExtensionInput;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.events.Outbox;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.UnprocessableException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stages kept open longer for one region or one organization. */
@Component
class StageExtensions {

  private static final String SELECT =
      """
      select x.id, x.stage_code, x.region_code, x.closes_at, x.reason, x.granted_by, x.granted_at,
             o.id as org_id, o.login, o.name, o.region_code as org_region, o.municipality_id,
             m.name as municipality
      from stage_extension x
      left join organization o on o.id = x.organization_id
      left join municipality m on m.id = o.municipality_id
      """;

  private final DatabaseClient db;
  private final CampaignStore store;
  private final OrganizationDirectory organizations;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  StageExtensions(
      DatabaseClient db,
      CampaignStore store,
      OrganizationDirectory organizations,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.organizations = organizations;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /** The stage's extensions; with {@code regionCode}, only those concerning that region. */
  Flux<StageExtension> list(long campaignId, StageCode stage, String regionCode) {
    return db.sql(
            SELECT
                + " where x.campaign_id = :id and x.stage_code = :code"
                + " and (cast(:region as text) is null or x.region_code = :region"
                + " or o.region_code = :region)"
                + " order by x.closes_at desc, x.id desc")
        .bind("id", campaignId)
        .bind("code", stage.getValue())
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .map(StageExtensions::toApi)
        .all();
  }

  Mono<StageExtension> grant(
      CampaignInfo campaign, StageCode stage, StageExtensionInput in, String grantedBy) {
    if ((in.getRegionCode() == null) == (in.getOrganizationId() == null)) {
      return Mono.error(
          new UnprocessableException(
              "regionCode", "Укажите либо регион, либо организацию, которой продлевается этап"));
    }
    Instant closes = in.getClosesAt().toInstant();
    return store
        .stageCloses(campaign.id(), stage)
        .switchIfEmpty(
            Mono.error(
                new UnprocessableException(
                    "stageCode",
                    "Этап «" + StageNames.of(stage) + "» не предусмотрен планом-графиком")))
        .flatMap(
            ownClose ->
                closes.isAfter(ownClose)
                    ? target(campaign, in)
                    : Mono.error(
                        new UnprocessableException(
                            "closesAt",
                            "Новый срок должен быть позже срока этапа по плану-графику")))
        .flatMap(
            target ->
                upsert(campaign.id(), stage, target, closes, in.getReason(), grantedBy)
                    .flatMap(
                        id ->
                            outbox
                                .append(
                                    StageExtended.TOPIC,
                                    String.valueOf(campaign.id()),
                                    new StageExtended(
                                        campaign.id(),
                                        stage.getValue(),
                                        target.regionCode(),
                                        target.organizationId(),
                                        closes,
                                        grantedBy))
                                .thenReturn(id))
                    .as(tx::transactional))
        .flatMap(
            id ->
                db.sql(SELECT + " where x.id = :id")
                    .bind("id", id)
                    .map(StageExtensions::toApi)
                    .one());
  }

  /** A region, or an organization, of the campaign. */
  private record Target(String regionCode, Long organizationId) {}

  private Mono<Target> target(CampaignInfo campaign, StageExtensionInput in) {
    if (in.getRegionCode() != null) {
      return campaign.regionCodes().contains(in.getRegionCode())
          ? Mono.just(new Target(in.getRegionCode(), null))
          : Mono.error(
              new UnprocessableException(
                  "regionCode", "Регион " + in.getRegionCode() + " не участвует в кампании"));
    }
    return organizations
        .byId(in.getOrganizationId())
        .filter(o -> campaign.regionCodes().contains(o.regionCode()))
        .map(OrganizationRef::id)
        .map(id -> new Target(null, id))
        .switchIfEmpty(
            Mono.error(
                new UnprocessableException(
                    "organizationId",
                    "Организация " + in.getOrganizationId() + " не участвует в кампании")));
  }

  private Mono<Long> upsert(
      long campaignId,
      StageCode stage,
      Target target,
      Instant closes,
      String reason,
      String grantedBy) {
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
        .bind("code", stage.getValue())
        .bind("region", Parameter.fromOrEmpty(target.regionCode(), String.class))
        .bind("org", Parameter.fromOrEmpty(target.organizationId(), Long.class))
        .bind("closes", closes)
        .bind("reason", Parameter.fromOrEmpty(blankToNull(reason), String.class))
        .bind("by", grantedBy)
        .bind("now", clock.instant())
        .map(r -> r.get("id", Long.class))
        .one();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static StageExtension toApi(Readable r) {
    var e =
        new StageExtension(
            r.get("id", Long.class),
            StageCode.fromValue(r.get("stage_code", String.class)),
            ApiTimes.utc(r.get("closes_at", Instant.class)),
            r.get("granted_by", String.class),
            ApiTimes.utc(r.get("granted_at", Instant.class)));
    e.setRegionCode(r.get("region_code", String.class));
    e.setReason(r.get("reason", String.class));
    Long orgId = r.get("org_id", Long.class);
    if (orgId != null) {
      var brief =
          new OrganizationBrief(
              orgId,
              r.get("login", String.class),
              r.get("name", String.class),
              r.get("org_region", String.class));
      brief.setMunicipalityId(r.get("municipality_id", Long.class));
      brief.setMunicipalityName(r.get("municipality", String.class));
      e.setOrganization(brief);
    }
    return e;
  }
}
