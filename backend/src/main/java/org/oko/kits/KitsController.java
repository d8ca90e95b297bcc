package org.oko.kits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.oko.api.KitsApi;
import org.oko.api.model.KitAssignmentInput;
import org.oko.api.model.KitCredentials;
import org.oko.api.model.KitRange;
import org.oko.api.model.KitRangePage;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ParticipantCategory;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.campaigns.Subject;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.PublicUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
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
  private final KitAssignmentService assignments;
  private final KitCredentialDirectory credentials;
  private final StageGate stages;
  private final PublicUrl publicUrl;
  private final String configuredLink;

  KitsController(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      KitStore store,
      KitAssignmentService assignments,
      KitCredentialDirectory credentials,
      StageGate stages,
      PublicUrl publicUrl,
      @Value("${oko.questionnaires.link:}") String configuredLink) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.store = store;
    this.assignments = assignments;
    this.credentials = credentials;
    this.stages = stages;
    this.publicUrl = publicUrl;
    this.configuredLink = configuredLink;
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
                      ? Mono.just(new KitStore.Filter(subjectKey, visibility, null))
                      : organizations
                          .byLogin(organization)
                          .filter(visibility::seesOrganization)
                          .switchIfEmpty(
                              Mono.error(
                                  new NotFoundException(
                                      "Организация «" + organization + "» не найдена")))
                          .map(org -> new KitStore.Filter(subjectKey, visibility, org.id()));
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
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new ConflictException(
                    "Участники уже начали анкетирование по комплектам этого диапазона — его"
                        + " нельзя удалить"))
        .flatMap(
            deleted ->
                deleted
                    ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(
                        new NotFoundException("Диапазон комплектов " + rangeId + " не найден")));
  }

  @Override
  public Mono<ResponseEntity<KitCredentials>> listKitCredentials(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return pointKits(campaignId, subjectKey)
        .map(
            p -> {
              KitCredentials result =
                  new KitCredentials(
                      subjectKey,
                      p.subjectName(),
                      ParticipantCategory.fromValue(p.category()),
                      brief(p.point()),
                      p.link(),
                      p.kits().stream()
                          .map(
                              k ->
                                  new org.oko.api.model.KitCredential(
                                      k.kitNumber(), k.login(), k.password()))
                          .toList());
              result.setValidFrom(p.validFrom() == null ? null : ApiTimes.utc(p.validFrom()));
              result.setValidUntil(p.validUntil() == null ? null : ApiTimes.utc(p.validUntil()));
              return ResponseEntity.ok(result);
            });
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadProtocol1(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return pointKits(campaignId, subjectKey)
        .flatMap(
            p ->
                WorkbookDownload.of(
                    () ->
                        Protocol1Workbook.write(
                            new Protocol1Workbook.Content(
                                p.category(),
                                p.subjectName(),
                                p.point().login(),
                                p.point().name(),
                                p.link(),
                                p.kits())),
                    "Протокол 1 " + p.point().login() + " " + subjectKey + ".xlsx"));
  }

  /** The calling point's kits of the subject, with what protocol 1 prints beside them. */
  private record PointKits(
      OrganizationRef point,
      String subjectName,
      String category,
      String link,
      List<KitCredential> kits,
      Instant validFrom,
      Instant validUntil) {}

  /**
   * Protocol 1 and the credentials are for the assessment point only: every other role, and an
   * organization that is no assessment point, answers 403; a point without kits of the subject 404.
   */
  private Mono<PointKits> pointKits(long campaignId, String subjectKey) {
    String link = questionnaireLink();
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(
            caller ->
                (caller.organizationId() == null
                        ? Mono.<String>empty()
                        : store.kindOf(caller.organizationId()))
                    .filter("ASSESSMENT_POINT"::equals)
                    .switchIfEmpty(Mono.error(() -> new AccessDeniedException()))
                    .then(campaigns.visibleTo(caller, campaignId))
                    .flatMap(
                        campaign -> {
                          String subjectName =
                              campaign.subjects().stream()
                                  .filter(s -> s.key().equals(subjectKey))
                                  .map(Subject::name)
                                  .findFirst()
                                  .orElse(null);
                          NotFoundException none =
                              new NotFoundException(
                                  "У пункта проведения нет комплектов по предмету «"
                                      + subjectKey
                                      + "» в этой кампании");
                          if (subjectName == null) {
                            return Mono.error(none);
                          }
                          long org = caller.organizationId();
                          return Mono.zip(
                                  credentials
                                      .ofPoint(campaignId, subjectKey, org)
                                      .collectList()
                                      .filter(kits -> !kits.isEmpty())
                                      .switchIfEmpty(Mono.error(none)),
                                  organizations.byId(org))
                              .flatMap(
                                  t ->
                                      Mono.zip(
                                              window(
                                                  campaignId,
                                                  Stage.CONDUCT,
                                                  t.getT2().regionCode(),
                                                  org),
                                              window(
                                                  campaignId,
                                                  Stage.QUESTIONNAIRE,
                                                  t.getT2().regionCode(),
                                                  org))
                                          .map(
                                              w ->
                                                  new PointKits(
                                                      t.getT2(),
                                                      subjectName,
                                                      t.getT1().get(0).category(),
                                                      link,
                                                      t.getT1(),
                                                      w.getT1()
                                                          .map(StageWindow::opensAt)
                                                          .orElse(null),
                                                      w.getT2()
                                                          .map(StageWindow::effectiveClosesAt)
                                                          .orElse(null))));
                        }));
  }

  private Mono<Optional<StageWindow>> window(
      long campaignId, Stage stage, String regionCode, long organizationId) {
    return stages
        .window(campaignId, stage, regionCode, organizationId)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /**
   * {@code oko.questionnaires.link} if set, else {@code /q} of the deployment's public URL; never
   * the request's {@code Host}, which the client chooses and which would end up on printed strips.
   */
  private String questionnaireLink() {
    if (configuredLink != null && !configuredLink.isBlank()) {
      return configuredLink;
    }
    return publicUrl.resolve("/q");
  }

  private static OrganizationBrief brief(OrganizationRef org) {
    OrganizationBrief brief =
        new OrganizationBrief(org.id(), org.login(), org.name(), org.regionCode());
    brief.setMunicipalityId(org.municipalityId());
    brief.setMunicipalityName(org.municipalityName());
    return brief;
  }

  private static KitRange toApi(KitStore.Stored s) {
    return new KitRange(
        s.id(),
        s.subjectKey(),
        brief(s.organization()),
        s.first(),
        s.last(),
        (int) (s.last() - s.first() + 1),
        s.assignedAt().atOffset(ZoneOffset.UTC),
        s.assignedBy(),
        ParticipantCategory.fromValue(s.category()));
  }
}
