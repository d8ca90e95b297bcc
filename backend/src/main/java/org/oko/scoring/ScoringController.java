package org.oko.scoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.oko.api.ScoringApi;
import org.oko.api.model.CriterionScore;
import org.oko.api.model.Distribution;
import org.oko.api.model.DistributionInput;
import org.oko.api.model.Expert;
import org.oko.api.model.ExpertCreated;
import org.oko.api.model.ExpertInput;
import org.oko.api.model.ExpertLoad;
import org.oko.api.model.ExpertPage;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ScanCriterion;
import org.oko.api.model.ScoresInput;
import org.oko.api.model.ScoringResult;
import org.oko.api.model.ScoringResultPage;
import org.oko.api.model.ScoringResultRoundsInner;
import org.oko.api.model.ScoringResultStatus;
import org.oko.api.model.ScoringTask;
import org.oko.api.model.ScoringTaskPage;
import org.oko.api.model.ScoringTaskStatus;
import org.oko.api.model.ScoringTaskSummary;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.Subject;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.oko.scans.ScanSchemes;
import org.oko.scans.ScanSchemes.Scheme;
import org.oko.scans.SheetDirectory;
import org.oko.scoring.Experts.ExpertRow;
import org.oko.scoring.ScoringTasks.Score;
import org.oko.scoring.ScoringTasks.TaskRow;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Expert scoring: the federal or regional coordinator registers experts and distributes the
 * region's complete works among them; experts score their tasks from the scans; coordinators see
 * the results of their scope.
 */
@RestController
class ScoringController implements ScoringApi {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final IdentityAdmin identity;
  private final Experts experts;
  private final Distributor distributor;
  private final ScoringTasks tasks;
  private final TaskScoring scoring;
  private final Results results;
  private final ScanSchemes schemes;
  private final SheetDirectory sheets;
  private final StageGate stages;
  private final ScoringDeadlines deadlines;
  private final BlobStore blobs;
  private final TransactionalOperator tx;
  private final Clock clock;

  ScoringController(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      IdentityAdmin identity,
      Experts experts,
      Distributor distributor,
      ScoringTasks tasks,
      TaskScoring scoring,
      Results results,
      ScanSchemes schemes,
      SheetDirectory sheets,
      StageGate stages,
      ScoringDeadlines deadlines,
      BlobStore blobs,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.identity = identity;
    this.experts = experts;
    this.distributor = distributor;
    this.tasks = tasks;
    this.scoring = scoring;
    this.results = results;
    this.schemes = schemes;
    this.sheets = sheets;
    this.stages = stages;
    this.deadlines = deadlines;
    this.blobs = blobs;
    this.tx = tx;
    this.clock = clock;
  }

  // --- experts ---

  @Override
  public Mono<ResponseEntity<ExpertPage>> listExperts(
      Long campaignId,
      String regionCode,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller -> {
              if (regionCode != null && !caller.seesRegion(regionCode)) {
                return Mono.error(regionNotFound(regionCode));
              }
              String region = regionCode != null ? regionCode : caller.regionCode();
              return campaigns
                  .visibleTo(caller, campaignId)
                  .then(
                      Mono.zip(
                          experts.count(campaignId, region, subjectKey),
                          experts
                              .page(campaignId, region, subjectKey, paging)
                              .map(ScoringController::toApi)
                              .collectList()));
            })
        .map(t -> ResponseEntity.ok(new ExpertPage(t.getT2(), page, size, t.getT1())));
  }

  @Override
  public Mono<ResponseEntity<ExpertCreated>> createExpert(
      Long campaignId, Mono<ExpertInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .zipWith(body)
                    .flatMap(t -> createExpert(caller, t.getT1(), t.getT2())))
        .map(
            created ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .cacheControl(CacheControl.noStore())
                    .body(created));
  }

  private Mono<ExpertCreated> createExpert(Caller caller, CampaignInfo campaign, ExpertInput in) {
    String region = in.getRegionCode();
    if (!caller.seesRegion(region)) {
      return Mono.error(regionNotFound(region));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!campaign.regionCodes().contains(region)) {
      problems.add(
          FieldProblem.of("regionCode", "Регион " + region + " не участвует в этой кампании"));
    }
    List<String> keys = campaign.subjects().stream().map(Subject::key).toList();
    LinkedHashSet<String> subjects = new LinkedHashSet<>();
    for (int i = 0; i < in.getSubjects().size(); i++) {
      String subject = in.getSubjects().get(i);
      if (!keys.contains(subject)) {
        problems.add(
            new FieldProblem(
                "subjects[" + i + "]",
                "Предмета «" + subject + "» нет в кампании",
                null,
                null,
                subject));
      } else {
        subjects.add(subject);
      }
    }
    if (in.getSubjects().isEmpty()) {
      problems.add(FieldProblem.of("subjects", "Укажите хотя бы один предмет эксперта"));
    }
    return organizations
        .byId(in.getOrganizationId())
        .filter(org -> caller.seesRegion(org.regionCode()))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFoundException("Организация " + in.getOrganizationId() + " не найдена")))
        .flatMap(
            org -> {
              if (!org.regionCode().equals(region)) {
                problems.add(
                    new FieldProblem(
                        "organizationId",
                        "Организация «" + org.name() + "» находится в другом регионе",
                        null,
                        null,
                        String.valueOf(org.id())));
              }
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("Эксперт не зарегистрирован", problems));
              }
              Mono<ExpertCreated> create =
                  identity
                      .issueAccount(
                          in.getLogin(), in.getDisplayName(), Role.EXPERT, region, null, org.id())
                      .switchIfEmpty(
                          Mono.error(
                              () ->
                                  new ConflictException(
                                      "Логин «"
                                          + in.getLogin()
                                          + "» уже занят другой учётной записью — выберите"
                                          + " другой")))
                      .flatMap(
                          password ->
                              experts
                                  .upsert(
                                      campaign.id(),
                                      in.getLogin(),
                                      region,
                                      org.id(),
                                      List.copyOf(subjects),
                                      clock.instant())
                                  .then(experts.one(campaign.id(), in.getLogin()))
                                  .map(row -> new ExpertCreated(toApi(row), password)));
              return create.as(tx::transactional);
            });
  }

  // --- distribution ---

  @Override
  public Mono<ResponseEntity<Distribution>> distributeWorks(
      Long campaignId, Mono<DistributionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .zipWith(body)
                    .flatMap(
                        t -> {
                          CampaignInfo campaign = t.getT1();
                          DistributionInput in = t.getT2();
                          String region = in.getRegionCode();
                          if (!caller.seesRegion(region)
                              || !campaign.regionCodes().contains(region)) {
                            return Mono.error(regionNotFound(region));
                          }
                          if (campaign.subjects().stream()
                              .noneMatch(s -> s.key().equals(in.getSubjectKey()))) {
                            return Mono.error(subjectNotFound(in.getSubjectKey()));
                          }
                          return stages
                              .requireOpen(campaignId, Stage.SCORING, region, null)
                              .then(requireScheme(campaignId, in.getSubjectKey()))
                              .flatMap(scheme -> distributor.distribute(scheme, region));
                        }))
        .map(
            plan -> {
              List<ExpertLoad> loads = new ArrayList<>();
              plan.loads().forEach((login, load) -> loads.add(new ExpertLoad(login, load)));
              return ResponseEntity.ok(
                  new Distribution(
                      plan.works(),
                      plan.assigned(),
                      plan.secondScorings(),
                      plan.unassigned(),
                      loads));
            });
  }

  private Mono<Scheme> requireScheme(long campaignId, String subjectKey) {
    return schemes
        .of(campaignId, subjectKey)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "Для предмета «"
                            + subjectKey
                            + "» не задана схема бланков и критериев — сначала задайте её")));
  }

  // --- the expert's tasks ---

  @Override
  public Mono<ResponseEntity<ScoringTaskPage>> listScoringTasks(
      ScoringTaskStatus status, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    Boolean scored = status == null ? null : status == ScoringTaskStatus.SCORED;
    var deadlineOf = deadlines.perPage();
    return CurrentCaller.withRole(Role.EXPERT)
        .flatMap(
            caller ->
                Mono.zip(
                    tasks.count(caller.login(), scored),
                    tasks
                        .page(caller.login(), scored, paging)
                        .concatMap(task -> deadlineOf.apply(task).map(due -> summary(task, due)))
                        .collectList()))
        .map(t -> ResponseEntity.ok(new ScoringTaskPage(t.getT2(), page, size, t.getT1())));
  }

  @Override
  public Mono<ResponseEntity<ScoringTask>> getScoringTask(Long taskId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.EXPERT)
        .flatMap(caller -> ownTask(caller, taskId))
        .flatMap(this::toApi)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Resource>> getScoringTaskPage(
      Long taskId, Integer page, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.EXPERT)
        .flatMap(caller -> ownTask(caller, taskId))
        .flatMap(
            task ->
                sheets
                    .pagesOf(task.campaignId(), task.subjectKey(), task.kitNumber())
                    .filter(p -> p.page() == page)
                    .next())
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Страницы " + page + " в скане этой работы нет")))
        .map(
            scan ->
                ResponseEntity.ok()
                    .contentType(mediaType(scan.contentType()))
                    .cacheControl(CacheControl.noStore())
                    .body(blobs.open(scan.blobKey())));
  }

  @Override
  public Mono<ResponseEntity<ScoringTask>> scoreTask(
      Long taskId, Mono<ScoresInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.EXPERT)
        .zipWith(body)
        .flatMap(t -> scoring.score(t.getT1().login(), taskId, t.getT2().getScores()))
        .flatMap(this::toApi)
        .map(ResponseEntity::ok);
  }

  private Mono<TaskRow> ownTask(Caller caller, long taskId) {
    return tasks
        .ofExpert(taskId, caller.login())
        .switchIfEmpty(Mono.error(() -> TaskScoring.notFound(taskId)));
  }

  // --- results ---

  @Override
  public Mono<ResponseEntity<ScoringResultPage>> listScoringResults(
      Long campaignId,
      String regionCode,
      Long organizationId,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller -> {
              Visibility scope = Visibility.of(caller);
              if (regionCode != null && !scope.seesRegion(regionCode)) {
                return Mono.error(regionNotFound(regionCode));
              }
              Mono<Results.Filter> filter =
                  organizationId == null
                      ? Mono.just(Results.Filter.of(scope, regionCode, null, subjectKey))
                      : organizations
                          .byId(organizationId)
                          .filter(scope::seesOrganization)
                          .filter(o -> regionCode == null || regionCode.equals(o.regionCode()))
                          .switchIfEmpty(
                              Mono.error(
                                  () ->
                                      new NotFoundException(
                                          "Организация " + organizationId + " не найдена")))
                          .map(o -> Results.Filter.of(scope, regionCode, o.id(), subjectKey));
              return campaigns
                  .visibleTo(caller, campaignId)
                  .then(filter)
                  .flatMap(
                      f ->
                          Mono.zip(
                              results.count(campaignId, f),
                              results
                                  .page(campaignId, f, paging)
                                  .map(ScoringController::toApi)
                                  .collectList()));
            })
        .map(t -> ResponseEntity.ok(new ScoringResultPage(t.getT2(), page, size, t.getT1())));
  }

  // --- mapping ---

  private Mono<ScoringTask> toApi(TaskRow task) {
    return Mono.zip(
            schemes
                .of(task.campaignId(), task.subjectKey())
                .map(Scheme::criteria)
                .defaultIfEmpty(List.of()),
            sheets
                .pagesOf(task.campaignId(), task.subjectKey(), task.kitNumber())
                .map(SheetDirectory.PageScan::page)
                .collectList(),
            results.isFinal(task.campaignId(), task.subjectKey(), task.kitNumber()),
            deadlines.of(task))
        .map(
            t -> {
              ScoringTask api =
                  new ScoringTask(
                      task.id(),
                      task.campaignId(),
                      task.subjectKey(),
                      task.subjectName(),
                      task.kitNumber(),
                      task.round(),
                      task.scored() ? ScoringTaskStatus.SCORED : ScoringTaskStatus.OPEN,
                      ApiTimes.utc(task.assignedAt()),
                      t.getT4().timeZone(),
                      t.getT1().stream()
                          .map(c -> new ScanCriterion(c.code(), c.title(), c.maxScore(), c.page()))
                          .toList(),
                      t.getT2(),
                      scores(task.scores()),
                      t.getT3());
              api.setTotal(task.total());
              api.setScoredAt(task.scoredAt() == null ? null : ApiTimes.utc(task.scoredAt()));
              api.setClosesAt(
                  t.getT4().closesAt() == null ? null : ApiTimes.utc(t.getT4().closesAt()));
              return api;
            });
  }

  private static ScoringTaskSummary summary(TaskRow task, ScoringDeadlines.Deadline due) {
    ScoringTaskSummary api =
        new ScoringTaskSummary(
            task.id(),
            task.campaignId(),
            task.subjectKey(),
            task.subjectName(),
            task.kitNumber(),
            task.round(),
            task.scored() ? ScoringTaskStatus.SCORED : ScoringTaskStatus.OPEN,
            ApiTimes.utc(task.assignedAt()),
            due.timeZone());
    api.setTotal(task.total());
    api.setScoredAt(task.scoredAt() == null ? null : ApiTimes.utc(task.scoredAt()));
    api.setClosesAt(due.closesAt() == null ? null : ApiTimes.utc(due.closesAt()));
    return api;
  }

  private static Expert toApi(ExpertRow row) {
    OrganizationBrief org =
        new OrganizationBrief(
            row.organizationId(),
            row.organizationLogin(),
            row.organizationName(),
            row.organizationRegion());
    org.setMunicipalityId(row.municipalityId());
    org.setMunicipalityName(row.municipalityName());
    return new Expert(
        row.login(),
        row.displayName(),
        row.regionCode(),
        org,
        row.subjects(),
        row.assigned(),
        row.scored());
  }

  private static ScoringResult toApi(Results.ResultRow row) {
    OrganizationBrief org =
        new OrganizationBrief(
            row.organizationId(),
            row.organizationLogin(),
            row.organizationName(),
            row.regionCode());
    org.setMunicipalityId(row.municipalityId());
    org.setMunicipalityName(row.municipalityName());
    ScoringResultStatus status =
        row.status() == null
            ? ScoringResultStatus.IN_PROGRESS
            : ScoringResultStatus.fromValue(row.status());
    boolean settled = status == ScoringResultStatus.FINAL;
    ScoringResult api =
        new ScoringResult(
            org,
            row.subjectKey(),
            row.kitNumber(),
            status,
            settled ? scores(row.scores()) : List.of(),
            row.rounds().stream()
                .map(
                    r -> {
                      ScoringResultRoundsInner round = new ScoringResultRoundsInner(r.round());
                      round.setTotal(r.total());
                      return round;
                    })
                .toList());
    api.setTotal(settled ? row.total() : null);
    return api;
  }

  private static List<CriterionScore> scores(List<Score> scores) {
    return scores == null
        ? List.of()
        : scores.stream().map(s -> new CriterionScore(s.code(), s.score())).toList();
  }

  private static MediaType mediaType(String contentType) {
    try {
      return MediaType.parseMediaType(contentType);
    } catch (RuntimeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  private static NotFoundException regionNotFound(String regionCode) {
    return new NotFoundException("Регион «" + regionCode + "» не найден");
  }

  private static NotFoundException subjectNotFound(String subjectKey) {
    return new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден");
  }
}
