package org.oko.kits;

import java.time.ZoneOffset;
import org.oko.api.KitsApi;
import org.oko.api.model.KitAssignmentInput;
import org.oko.api.model.KitRange;
import org.oko.api.model.KitRangePage;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ParticipantCategory;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Kits (комплекты) of an ОМК: the federal organizer assigns ranges of kit numbers to assessment
 * points per subject; everyone sees the ranges of the points in their scope.
 */
@RestController
class KitsController implements KitsApi {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final KitStore store;
  private final KitAssignments assignments;

  KitsController(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      KitStore store,
      KitAssignments assignments) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.store = store;
    this.assignments = assignments;
  }

  @Override
  public Mono<ResponseEntity<KitRangePage>> listKits(
      Long campaignId,
      String subjectKey,
      String organization,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller -> {
              Visibility visibility = Visibility.of(caller);
              Mono<KitStore.Filter> filter =
                  organization == null
                      ? Mono.just(
                          new KitStore.Filter(
                              subjectKey,
                              visibility.regionCode(),
                              visibility.municipalityId(),
                              visibility.withoutMunicipalityOnly(),
                              visibility.organizationId()))
                      : organizations
                          .byLogin(organization)
                          .filter(visibility::seesOrganization)
                          .switchIfEmpty(
                              Mono.error(
                                  new NotFoundException(
                                      "Организация «" + organization + "» не найдена")))
                          .map(org -> new KitStore.Filter(subjectKey, null, null, false, org.id()));
              return campaigns
                  .visibleTo(caller, campaignId)
                  .then(filter)
                  .flatMap(
                      f ->
                          Mono.zip(
                              store.count(campaignId, f),
                              store
                                  .page(campaignId, f, paging)
                                  .map(KitsController::toApi)
                                  .collectList()));
            })
        .map(
            t ->
                ResponseEntity.ok(
                    new KitRangePage(t.getT2(), t.getT1()[1], page, size, t.getT1()[0])));
  }

  @Override
  public Mono<ResponseEntity<Flux<KitRange>>> assignKits(
      Long campaignId, Mono<KitAssignmentInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .zipWith(body)
                    .flatMap(
                        t ->
                            assignments
                                .assign(caller, t.getT1(), t.getT2())
                                .map(KitsController::toApi)
                                .collectList()))
        .map(list -> ResponseEntity.status(HttpStatus.CREATED).body(Flux.fromIterable(list)));
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteKitRange(
      Long campaignId, Long rangeId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(caller -> campaigns.visibleTo(caller, campaignId))
        .flatMap(campaign -> store.delete(campaignId, rangeId))
        .flatMap(
            deleted ->
                deleted
                    ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(
                        new NotFoundException("Диапазон комплектов " + rangeId + " не найден")));
  }

  // TODO(issue 6): protocol 1 and the credentials, being built now.
  @Override
  public Mono<ResponseEntity<org.oko.api.model.KitCredentials>> listKitCredentials(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  @Override
  public Mono<ResponseEntity<org.springframework.core.io.Resource>> downloadProtocol1(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  private static KitRange toApi(KitStore.Stored s) {
    OrganizationRef org = s.organization();
    OrganizationBrief brief =
        new OrganizationBrief(org.id(), org.login(), org.name(), org.regionCode());
    brief.setMunicipalityId(org.municipalityId());
    brief.setMunicipalityName(org.municipalityName());
    return new KitRange(
        s.id(),
        s.subjectKey(),
        brief,
        s.first(),
        s.last(),
        (int) (s.last() - s.first() + 1),
        s.assignedAt().atOffset(ZoneOffset.UTC),
        s.assignedBy(),
        ParticipantCategory.TEACHER); // TODO(issue 6): the range's category
  }
}
