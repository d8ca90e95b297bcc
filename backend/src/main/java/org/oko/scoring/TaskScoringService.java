package org.oko.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.scans.SchemeDirectory;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scans.SheetDirectory.Work;
import org.oko.scans.SheetStatusService;
import org.oko.scans.SheetStatusService.WorkStage;
import org.oko.scoring.DiscrepancyRules.Verdict;
import org.oko.scoring.ScoreRules.GivenScore;
import org.oko.scoring.ScoringTaskStore.Score;
import org.oko.scoring.ScoringTaskStore.TaskRow;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An expert's scores for a task, and what follows in the same transaction: the work's sheets become
 * SCORED with its first score and VERIFIED when its result is final; a discrepancy between the
 * first and second expert brings in a third; a final result goes to the outbox as {@link
 * WorkScored}.
 */
@Service
class TaskScoringService {

  private final ScoringTaskStore tasks;
  private final ExpertStore experts;
  private final ResultStore results;
  private final SchemeDirectory schemes;
  private final SheetStatusService statuses;
  private final StageGate stages;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  TaskScoringService(
      ScoringTaskStore tasks,
      ExpertStore experts,
      ResultStore results,
      SchemeDirectory schemes,
      SheetStatusService statuses,
      StageGate stages,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.tasks = tasks;
    this.experts = experts;
    this.results = results;
    this.schemes = schemes;
    this.statuses = statuses;
    this.stages = stages;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /** Stores the scores of the expert's task; emits the task as it is now. */
  Mono<TaskRow> score(String login, long taskId, List<GivenScore> input) {
    Mono<TaskRow> work =
        tasks
            .ofExpert(taskId, login)
            .switchIfEmpty(Mono.error(() -> notFound(taskId)))
            .flatMap(task -> scoreOpenWork(task, input))
            .then(tasks.ofExpert(taskId, login));
    return work.as(tx::transactional)
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new ConflictException(
                    "Работу одновременно оценивает другой эксперт — обновите страницу и"
                        + " повторите"));
  }

  /** While scoring is open and the work is not settled, under the lock of the work's tasks. */
  private Mono<Void> scoreOpenWork(TaskRow task, List<GivenScore> input) {
    return stages
        .requireOpen(
            task.campaignId(), Stage.SCORING, task.regionCode(), task.organizationId(), Role.EXPERT)
        .then(
            tasks
                .ofWorkLocked(task.campaignId(), task.subjectKey(), task.kitNumber())
                .collectList())
        .then(requireUnsettled(task))
        .then(schemeOf(task))
        .flatMap(scheme -> store(task, scheme, input));
  }

  private Mono<Void> requireUnsettled(TaskRow task) {
    return results
        .isFinal(task.campaignId(), task.subjectKey(), task.kitNumber())
        .flatMap(
            settled ->
                settled
                    ? Mono.error(
                        new ConflictException(
                            "Результат этой работы уже окончательный — баллы больше не изменить"))
                    : Mono.empty());
  }

  private Mono<Scheme> schemeOf(TaskRow task) {
    return schemes
        .of(task.campaignId(), task.subjectKey())
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "Для предмета не задана схема оценивания — обратитесь к организатору")));
  }

  private Mono<Void> store(TaskRow task, Scheme scheme, List<GivenScore> input) {
    List<Score> scores = ScoreRules.validate(scheme, input);
    int total = scores.stream().mapToInt(Score::score).sum();
    Instant now = clock.instant();
    return tasks
        .saveScores(task.id(), scores, total, now)
        .then(
            tasks
                .ofWorkLocked(task.campaignId(), task.subjectKey(), task.kitNumber())
                .collectList())
        .flatMap(all -> settle(task, scheme, all, now));
  }

  /** Decides the work after a score came in. */
  private Mono<Void> settle(TaskRow task, Scheme scheme, List<TaskRow> all, Instant now) {
    Verdict verdict = DiscrepancyRules.decide(all, scheme);
    long campaignId = task.campaignId();
    String subject = task.subjectKey();
    long kit = task.kitNumber();
    return switch (verdict.state()) {
      case FINAL ->
          results
              .record(campaignId, subject, kit, "FINAL", verdict.scores(), verdict.total(), now)
              .then(statuses.advanceWork(campaignId, subject, kit, WorkStage.VERIFIED))
              .then(scored(task, scheme, verdict, now));
      case IN_PROGRESS ->
          results
              .record(campaignId, subject, kit, null, null, null, now)
              .then(statuses.advanceWork(campaignId, subject, kit, WorkStage.SCORED));
      case DISCREPANCY ->
          results
              .record(campaignId, subject, kit, "DISCREPANCY", null, null, now)
              .then(statuses.advanceWork(campaignId, subject, kit, WorkStage.SCORED));
      case NEEDS_THIRD ->
          results
              .record(campaignId, subject, kit, "DISCREPANCY", null, null, now)
              .then(statuses.advanceWork(campaignId, subject, kit, WorkStage.SCORED))
              .then(assignThird(task, all, now));
    };
  }

  /** Tells the results (and whoever reads it) that the work's result is final. */
  private Mono<Void> scored(TaskRow task, Scheme scheme, Verdict verdict, Instant now) {
    Map<String, Integer> maxima = new HashMap<>();
    scheme.criteria().forEach(c -> maxima.put(c.code(), c.maxScore()));
    List<WorkScored.CriterionScore> scores =
        verdict.scores().stream()
            .map(
                s ->
                    new WorkScored.CriterionScore(
                        s.code(), maxima.getOrDefault(s.code(), 0), s.score()))
            .toList();
    WorkScored event =
        new WorkScored(
            task.campaignId(),
            task.subjectKey(),
            task.kitNumber(),
            task.organizationId(),
            task.regionCode(),
            scores,
            verdict.total(),
            now);
    return outbox.append(
        WorkScored.TOPIC,
        task.campaignId() + "/" + task.subjectKey() + "/" + task.organizationId(),
        event);
  }

  /** The third expert, if the region has one who may take the work; else it waits for one. */
  private Mono<Void> assignThird(TaskRow task, List<TaskRow> all, Instant now) {
    Set<String> before = new HashSet<>();
    all.forEach(t -> before.add(t.expertLogin()));
    return experts
        .candidates(task.campaignId(), task.regionCode(), task.subjectKey())
        .collectList()
        .flatMap(
            candidates ->
                Mono.justOrEmpty(Assignment.third(candidates, task.organizationId(), before)))
        .flatMap(
            login ->
                tasks.insert(
                    task.campaignId(),
                    task.subjectKey(),
                    task.regionCode(),
                    List.of(thirdScoring(task, login)),
                    now));
  }

  private static Assignment.Task thirdScoring(TaskRow task, String login) {
    Work work = new Work(task.organizationId(), task.regionCode(), task.kitNumber());
    return new Assignment.Task(work, 3, login);
  }

  static NotFoundException notFound(long taskId) {
    return new NotFoundException("Работа " + taskId + " не найдена среди ваших");
  }
}
