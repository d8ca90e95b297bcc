package org.oko.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.scans.SchemeDirectory;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scans.SheetDirectory;
import org.oko.scans.SheetDirectory.Work;
import org.oko.scans.SheetStatusService;
import org.oko.scans.SheetStatusService.WorkStage;
import org.oko.scoring.ExpertStore.Candidate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Gives a region's complete, unassigned works of a subject to its experts in one transaction: the
 * tasks, and the works' sheets marked ASSIGNED. Works whose discrepancy found no third expert at
 * the time get one now, if the region has one. Runs for the same campaign, subject and region wait
 * for each other; the unique (campaign, subject, kit, round) is the last line of defence.
 */
@Service
class DistributionService {

  private final CampaignDirectory campaigns;
  private final StageGate stages;
  private final SchemeDirectory schemes;
  private final TransactionalOperator tx;
  private final SheetDirectory sheets;
  private final SheetStatusService statuses;
  private final ExpertStore experts;
  private final ScoringTaskStore tasks;
  private final Clock clock;

  DistributionService(
      CampaignDirectory campaigns,
      StageGate stages,
      SchemeDirectory schemes,
      TransactionalOperator tx,
      SheetDirectory sheets,
      SheetStatusService statuses,
      ExpertStore experts,
      ScoringTaskStore tasks,
      Clock clock) {
    this.campaigns = campaigns;
    this.stages = stages;
    this.schemes = schemes;
    this.tx = tx;
    this.sheets = sheets;
    this.statuses = statuses;
    this.experts = experts;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * Distributes the region's complete works of the subject, while scoring is open in the region and
   * the subject has a scheme.
   */
  Mono<Assignment.Plan> distribute(
      Caller caller, long campaignId, String regionCode, String subjectKey) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> requireRegionAndSubject(caller, campaign, regionCode, subjectKey))
        .then(stages.requireOpen(campaignId, Stage.SCORING, regionCode, null))
        .then(requireScheme(campaignId, subjectKey))
        .flatMap(scheme -> distribute(scheme, regionCode));
  }

  private static Mono<Void> requireRegionAndSubject(
      Caller caller, CampaignInfo campaign, String region, String subjectKey) {
    if (!caller.seesRegion(region) || !campaign.regionCodes().contains(region)) {
      return Mono.error(ScoringProblems.regionNotFound(region));
    }
    if (campaign.subjects().stream().noneMatch(s -> s.key().equals(subjectKey))) {
      return Mono.error(ScoringProblems.subjectNotFound(subjectKey));
    }
    return Mono.empty();
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

  /** What a distribution starts from: the works, the experts and what earlier runs did. */
  private record Situation(
      List<Work> works,
      List<Candidate> experts,
      long distributedBefore,
      List<Assignment.AwaitingThird> awaitingThird) {}

  private Mono<Assignment.Plan> distribute(Scheme scheme, String regionCode) {
    long campaignId = scheme.campaignId();
    String subject = scheme.subjectKey();
    Instant now = clock.instant();
    Mono<Assignment.Plan> work =
        tasks
            .lockDistribution(campaignId, subject, regionCode)
            .then(situation(campaignId, regionCode, subject))
            .map(
                s ->
                    Assignment.plan(
                        s.works(),
                        s.experts(),
                        scheme.secondScoringPercent(),
                        s.distributedBefore(),
                        s.awaitingThird()))
            .flatMap(plan -> apply(campaignId, subject, regionCode, plan, now).thenReturn(plan));
    return work.as(tx::transactional)
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new ConflictException(
                    "Работы этого предмета распределяются одновременно другим запросом —"
                        + " обновите страницу и повторите"));
  }

  private Mono<Situation> situation(long campaignId, String regionCode, String subject) {
    Mono<List<Work>> works =
        sheets.completeUnassignedWorks(campaignId, regionCode, subject).collectList();
    Mono<List<Candidate>> candidates =
        experts.candidates(campaignId, regionCode, subject).collectList();
    Mono<Long> distributed = tasks.distributed(campaignId, regionCode, subject);
    Mono<List<Assignment.AwaitingThird>> awaiting =
        tasks.awaitingThird(campaignId, regionCode, subject).collectList();
    return Mono.zip(
        Mono.zip(works, candidates, Pool::new),
        Mono.zip(distributed, awaiting, Earlier::new),
        (pool, earlier) ->
            new Situation(
                pool.works(), pool.experts(), earlier.distributed(), earlier.awaitingThird()));
  }

  /** The works to give out and the experts who may take them. */
  private record Pool(List<Work> works, List<Candidate> experts) {}

  /** What earlier runs left: how many works they gave out, which still wait for a third expert. */
  private record Earlier(long distributed, List<Assignment.AwaitingThird> awaitingThird) {}

  /** The plan's tasks, and the sheets of works with a first expert marked ASSIGNED. */
  private Mono<Void> apply(
      long campaignId, String subject, String regionCode, Assignment.Plan plan, Instant now) {
    List<Long> firstScorings =
        plan.tasks().stream()
            .filter(task -> task.round() == 1)
            .map(task -> task.work().kitNumber())
            .toList();
    return tasks
        .insert(campaignId, subject, regionCode, plan.tasks(), now)
        .then(statuses.advanceWorks(campaignId, subject, firstScorings, WorkStage.ASSIGNED));
  }
}
