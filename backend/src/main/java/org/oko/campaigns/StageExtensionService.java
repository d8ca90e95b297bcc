package org.oko.campaigns;

import java.time.Clock;
import org.oko.campaigns.StageExtensionStore.Target;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.events.Outbox;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stages kept open longer for one region or one organization. */
@Component
class StageExtensionService {

  private final StageExtensionStore extensions;
  private final CampaignStore campaigns;
  private final OrganizationDirectory organizations;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  StageExtensionService(
      StageExtensionStore extensions,
      CampaignStore campaigns,
      OrganizationDirectory organizations,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.extensions = extensions;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /** The stage's extensions; with {@code regionCode}, only those concerning that region. */
  Flux<Extension> list(long campaignId, Stage stage, String regionCode) {
    return extensions.list(campaignId, stage, regionCode);
  }

  Mono<Extension> grant(
      CampaignInfo campaign, Stage stage, Extension.Request request, String grantedBy) {
    if ((request.regionCode() == null) == (request.organizationId() == null)) {
      return Mono.error(
          new UnprocessableException(
              "regionCode", "Укажите либо регион, либо организацию, которой продлевается этап"));
    }
    return campaigns
        .stageCloses(campaign.id(), stage)
        .switchIfEmpty(
            Mono.error(
                new UnprocessableException(
                    "stageCode",
                    "Этап «" + StageNames.of(stage) + "» не предусмотрен планом-графиком")))
        .flatMap(
            ownClose ->
                request.closesAt().isAfter(ownClose)
                    ? target(campaign, request)
                    : Mono.error(
                        new UnprocessableException(
                            "closesAt",
                            "Новый срок должен быть позже срока этапа по плану-графику")))
        .flatMap(target -> store(campaign.id(), stage, target, request, grantedBy))
        .flatMap(extensions::find);
  }

  /** Writes the extension and its event in one transaction; emits its id. */
  private Mono<Long> store(
      long campaignId, Stage stage, Target target, Extension.Request request, String grantedBy) {
    StageExtended event =
        new StageExtended(
            campaignId,
            stage.name(),
            target.regionCode(),
            target.organizationId(),
            request.closesAt(),
            grantedBy);
    return extensions
        .upsert(
            campaignId,
            stage,
            target,
            request.closesAt(),
            blankToNull(request.reason()),
            grantedBy,
            clock.instant())
        .flatMap(
            id ->
                outbox
                    .append(StageExtended.TOPIC, String.valueOf(campaignId), event)
                    .thenReturn(id))
        .as(tx::transactional);
  }

  private Mono<Target> target(CampaignInfo campaign, Extension.Request request) {
    if (request.regionCode() != null) {
      return campaign.regionCodes().contains(request.regionCode())
          ? Mono.just(new Target(request.regionCode(), null))
          : Mono.error(
              new UnprocessableException(
                  "regionCode", "Регион " + request.regionCode() + " не участвует в кампании"));
    }
    return organizations
        .byId(request.organizationId())
        .filter(o -> campaign.regionCodes().contains(o.regionCode()))
        .map(OrganizationRef::id)
        .map(id -> new Target(null, id))
        .switchIfEmpty(
            Mono.error(
                new UnprocessableException(
                    "organizationId",
                    "Организация " + request.organizationId() + " не участвует в кампании")));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
