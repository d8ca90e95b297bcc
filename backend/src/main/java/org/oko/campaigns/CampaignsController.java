package org.oko.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.oko.api.CampaignsApi;
import org.oko.api.model.Campaign;
import org.oko.api.model.CampaignInput;
import org.oko.api.model.CampaignKind;
import org.oko.api.model.CampaignPage;
import org.oko.api.model.CampaignSubject;
import org.oko.api.model.CampaignUpdate;
import org.oko.api.model.ScheduleInput;
import org.oko.api.model.Stage;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageExtension;
import org.oko.api.model.StageExtensionInput;
import org.oko.api.model.StageExtensionList;
import org.oko.api.model.StageState;
import org.oko.campaigns.CampaignStore.Viewer;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Campaigns and their schedules: everyone reads what they take part in, FEDERAL changes them. */
@RestController
class CampaignsController implements CampaignsApi {

  private final CampaignStore store;
  private final CampaignDirectory directory;
  private final CampaignParticipants participants;
  private final StageExtensions extensions;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  CampaignsController(
      CampaignStore store,
      CampaignDirectory directory,
      CampaignParticipants participants,
      StageExtensions extensions,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.participants = participants;
    this.extensions = extensions;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Mono<ResponseEntity<CampaignPage>> listCampaigns(
      CampaignKind kind, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    Instant now = clock.instant();
    return CurrentCaller.get()
        .flatMap(directory::viewerOf)
        .flatMap(
            viewer ->
                Mono.zip(
                    store.count(viewer, kind),
                    store
                        .list(viewer, kind, paging)
                        .map(row -> toApi(row, viewer, now))
                        .collectList()))
        .map(t -> new CampaignPage(page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Campaign>> getCampaign(Long campaignId, ServerWebExchange exchange) {
    return visible(campaignId).map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Campaign>> createCampaign(
      Mono<CampaignInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t -> {
              CampaignInput in = t.getT2();
              return checkCampaign(in.getSubjects(), in.getRegionCodes())
                  .then(
                      store
                          .insert(
                              in.getKind(),
                              in.getTitle().strip(),
                              in.getAcademicYear(),
                              in.getSubjects(),
                              t.getT1().login(),
                              clock.instant())
                          .flatMap(
                              id ->
                                  store
                                      .replaceRegions(id, in.getRegionCodes())
                                      .then(
                                          outbox.append(
                                              CampaignCreated.TOPIC,
                                              String.valueOf(id),
                                              new CampaignCreated(
                                                  id,
                                                  in.getKind().getValue(),
                                                  in.getTitle(),
                                                  in.getRegionCodes())))
                                      .thenReturn(id))
                          .as(tx::transactional));
            })
        .flatMap(this::visible)
        .map(c -> ResponseEntity.status(HttpStatus.CREATED).body(c));
  }

  @Override
  public Mono<ResponseEntity<Campaign>> updateCampaign(
      Long campaignId, Mono<CampaignUpdate> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t -> {
              CampaignUpdate in = t.getT2();
              return existing(campaignId)
                  .then(checkCampaign(in.getSubjects(), in.getRegionCodes()))
                  .then(
                      participants
                          .regionsWithLists(campaignId)
                          .map(
                              withLists ->
                                  withLists.stream()
                                      .filter(code -> !in.getRegionCodes().contains(code))
                                      .toList())
                          .flatMap(
                              kept ->
                                  kept.isEmpty()
                                      ? Mono.empty()
                                      : Mono.error(
                                          new UnprocessableException(
                                              "regionCodes",
                                              "Нельзя исключить регионы "
                                                  + String.join(", ", kept)
                                                  + ": у них уже есть предварительный список ОО"))))
                  .then(
                      store
                          .update(
                              campaignId,
                              in.getVersion(),
                              in.getKind(),
                              in.getTitle().strip(),
                              in.getAcademicYear(),
                              in.getSubjects())
                          .flatMap(
                              updated ->
                                  updated
                                      ? store
                                          .replaceRegions(campaignId, in.getRegionCodes())
                                          .then(
                                              outbox.append(
                                                  CampaignChanged.TOPIC,
                                                  String.valueOf(campaignId),
                                                  new CampaignChanged(
                                                      campaignId,
                                                      in.getKind().getValue(),
                                                      in.getTitle(),
                                                      in.getRegionCodes(),
                                                      t.getT1().login())))
                                      : Mono.error(staleVersion()))
                          .as(tx::transactional));
            })
        .then(visible(campaignId))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Campaign>> replaceSchedule(
      Long campaignId, Mono<ScheduleInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t -> {
              ScheduleInput in = t.getT2();
              List<FieldProblem> problems = ScheduleRules.check(in.getStages());
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("План-график содержит ошибки", problems));
              }
              List<ScheduleChanged.Window> windows =
                  in.getStages().stream()
                      .sorted(Comparator.comparing(s -> s.getOpensAt().toInstant()))
                      .map(
                          s ->
                              new ScheduleChanged.Window(
                                  s.getCode().getValue(),
                                  s.getOpensAt().toInstant(),
                                  s.getClosesAt().toInstant()))
                      .toList();
              return existing(campaignId)
                  .then(
                      store
                          .bumpVersion(campaignId, in.getVersion())
                          .flatMap(
                              current ->
                                  current
                                      ? store.replaceStages(campaignId, windows)
                                      : Mono.error(staleVersion()))
                          .then(
                              outbox.append(
                                  ScheduleChanged.TOPIC,
                                  String.valueOf(campaignId),
                                  new ScheduleChanged(campaignId, windows, t.getT1().login())))
                          .as(tx::transactional));
            })
        .then(visible(campaignId))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<StageExtensionList>> listStageExtensions(
      Long campaignId, StageCode stageCode, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                directory
                    .visibleTo(caller, campaignId)
                    .thenMany(
                        extensions.list(
                            campaignId, stageCode, caller.isFederal() ? null : caller.regionCode()))
                    .collectList())
        .map(items -> ResponseEntity.ok(new StageExtensionList(items)));
  }

  @Override
  public Mono<ResponseEntity<StageExtension>> extendStage(
      Long campaignId,
      StageCode stageCode,
      Mono<StageExtensionInput> body,
      ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t ->
                directory
                    .visibleTo(t.getT1(), campaignId)
                    .flatMap(
                        campaign ->
                            extensions.grant(campaign, stageCode, t.getT2(), t.getT1().login())))
        .map(e -> ResponseEntity.status(HttpStatus.CREATED).body(e));
  }

  private Mono<Campaign> visible(long campaignId) {
    Instant now = clock.instant();
    return CurrentCaller.get()
        .flatMap(directory::viewerOf)
        .flatMap(viewer -> store.find(campaignId, viewer).map(row -> toApi(row, viewer, now)))
        .switchIfEmpty(Mono.error(() -> CampaignDirectory.notFound(campaignId)));
  }

  private Mono<Void> existing(long campaignId) {
    return store
        .exists(campaignId)
        .flatMap(
            exists -> exists ? Mono.empty() : Mono.error(CampaignDirectory.notFound(campaignId)));
  }

  private Mono<Void> checkCampaign(List<CampaignSubject> subjects, List<String> regionCodes) {
    List<FieldProblem> problems = new ArrayList<>();
    var keys = new HashSet<String>();
    for (int i = 0; i < subjects.size(); i++) {
      if (!keys.add(subjects.get(i).getKey())) {
        problems.add(
            FieldProblem.of(
                "subjects[" + i + "].key",
                "Предмет «" + subjects.get(i).getKey() + "» указан дважды"));
      }
    }
    if (regionCodes.isEmpty()) {
      problems.add(FieldProblem.of("regionCodes", "Укажите хотя бы один регион-участник"));
    }
    if (new HashSet<>(regionCodes).size() != regionCodes.size()) {
      problems.add(FieldProblem.of("regionCodes", "Регион указан дважды"));
    }
    return store
        .unknownRegions(regionCodes)
        .flatMap(
            unknown -> {
              unknown.forEach(
                  code ->
                      problems.add(FieldProblem.of("regionCodes", "Нет региона с кодом " + code)));
              return problems.isEmpty()
                  ? Mono.<Void>empty()
                  : Mono.error(new UnprocessableException("Кампания содержит ошибки", problems));
            });
  }

  private static ConflictException staleVersion() {
    return new ConflictException(
        "Кампанию уже изменил кто-то другой. Обновите страницу и внесите изменения ещё раз.");
  }

  private static Campaign toApi(CampaignRow row, Viewer viewer, Instant now) {
    List<Stage> stages =
        row.stages().stream()
            .map(
                w ->
                    new Stage(
                        w.code(),
                        StageNames.of(w.code()),
                        ApiTimes.utc(w.opensAt()),
                        ApiTimes.utc(w.closesAt()),
                        ApiTimes.utc(w.effectiveClosesAt()),
                        w.stateAt(now)))
            .toList();
    Campaign campaign =
        new Campaign(
            row.id(),
            row.kind(),
            row.title(),
            row.academicYear(),
            row.subjects(),
            row.regionCodes(),
            stages,
            viewer.zone().getId(),
            row.version(),
            ApiTimes.utc(row.createdAt()));
    stages.stream()
        .filter(s -> s.getState() == StageState.OPEN)
        .findFirst()
        .ifPresent(s -> campaign.setCurrentStage(s.getCode()));
    return campaign;
  }
}
