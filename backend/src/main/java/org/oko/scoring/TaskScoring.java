package org.oko.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.api.model.CriterionScore;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.oko.scans.ScanSchemes;
import org.oko.scans.ScanSchemes.Criterion;
import org.oko.scans.ScanSchemes.Scheme;
import org.oko.scans.SheetStatuses;
import org.oko.scans.SheetStatuses.WorkStage;
import org.oko.scoring.DiscrepancyRule.Verdict;
import org.oko.scoring.ScoringTasks.Score;
import org.oko.scoring.ScoringTasks.TaskRow;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An expert's scores for a task, and what follows in the same transaction: the work's sheets become
 * SCORED with its first score and VERIFIED when its result is final; a discrepancy between the
 * first and second expert brings in a third.
 */
@Component
class TaskScoring {

  private final ScoringTasks tasks;
  private final Experts experts;
  private final Results results;
  private final ScanSchemes schemes;
  private final SheetStatuses statuses;
  private final StageGate stages;
  private final TransactionalOperator tx;
  private final Clock clock;

  TaskScoring(
      ScoringTasks tasks,
      Experts experts,
      Results results,
      ScanSchemes schemes,
      SheetStatuses statuses,
      StageGate stages,
      TransactionalOperator tx,
      Clock clock) {
    this.tasks = tasks;
    this.experts = experts;
    this.results = results;
    this.schemes = schemes;
    this.statuses = statuses;
    this.stages = stages;
    this.tx = tx;
    this.clock = clock;
  }

  /** Stores the scores of the expert's task; emits the task as it is now. */
  Mono<TaskRow> score(String login, long taskId, List<CriterionScore> input) {
    Mono<TaskRow> work =
        tasks
            .ofExpert(taskId, login)
            .switchIfEmpty(Mono.error(() -> notFound(taskId)))
            .flatMap(
                task ->
                    stages
                        .requireOpen(
                            task.campaignId(),
                            Stage.SCORING,
                            task.regionCode(),
                            task.organizationId())
                        .then(
                            tasks
                                .ofWorkLocked(
                                    task.campaignId(), task.subjectKey(), task.kitNumber())
                                .collectList())
                        .then(
                            results.isFinal(task.campaignId(), task.subjectKey(), task.kitNumber()))
                        .flatMap(
                            settled ->
                                settled
                                    ? Mono.error(
                                        new ConflictException(
                                            "Результат этой работы уже окончательный — баллы"
                                                + " больше не изменить"))
                                    : schemeOf(task))
                        .flatMap(scheme -> store(task, scheme, input)))
            .then(tasks.ofExpert(taskId, login));
    return work.as(tx::transactional)
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new ConflictException(
                    "Работу одновременно оценивает другой эксперт — обновите страницу и"
                        + " повторите"));
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

  private Mono<Void> store(TaskRow task, Scheme scheme, List<CriterionScore> input) {
    List<Score> scores = validate(scheme, input);
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
    Verdict verdict = DiscrepancyRule.decide(all, scheme);
    long campaignId = task.campaignId();
    String subject = task.subjectKey();
    long kit = task.kitNumber();
    return switch (verdict.state()) {
      case FINAL ->
          results
              .record(campaignId, subject, kit, "FINAL", verdict.scores(), verdict.total(), now)
              .then(statuses.advanceWork(campaignId, subject, kit, WorkStage.VERIFIED));
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
                    List.of(
                        new Assignment.Task(
                            new org.oko.scans.SheetDirectory.Work(
                                task.organizationId(), task.regionCode(), task.kitNumber()),
                            3,
                            login)),
                    now));
  }

  /** Every criterion exactly once, each within its bounds; else 422 naming each wrong one. */
  static List<Score> validate(Scheme scheme, List<CriterionScore> input) {
    Map<String, Criterion> criteria = new LinkedHashMap<>();
    scheme.criteria().forEach(c -> criteria.put(c.code(), c));
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Integer> given = new LinkedHashMap<>();
    for (int i = 0; i < input.size(); i++) {
      CriterionScore s = input.get(i);
      String field = "scores[" + i + "]";
      Criterion c = criteria.get(s.getCode());
      if (c == null) {
        problems.add(
            new FieldProblem(
                field + ".code",
                "Критерия «" + s.getCode() + "» нет в схеме оценивания этого предмета",
                null,
                null,
                s.getCode()));
      } else if (given.containsKey(c.code())) {
        problems.add(
            new FieldProblem(
                field + ".code",
                "Критерий «" + c.code() + "» указан дважды — оставьте один балл",
                null,
                null,
                c.code()));
      } else if (s.getScore() == null || s.getScore() < 0 || s.getScore() > c.maxScore()) {
        problems.add(
            new FieldProblem(
                field + ".score",
                "Балл по критерию «" + c.code() + "» должен быть от 0 до " + c.maxScore(),
                null,
                null,
                String.valueOf(s.getScore())));
        given.put(c.code(), 0);
      } else {
        given.put(c.code(), s.getScore());
      }
    }
    for (Criterion c : scheme.criteria()) {
      if (!given.containsKey(c.code())) {
        problems.add(
            FieldProblem.of(
                "scores", "Нет балла по критерию «" + c.code() + "» (" + c.title() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException(
          "Баллы не сохранены: исправьте отмеченные критерии", problems);
    }
    List<Score> scores = new ArrayList<>();
    scheme.criteria().forEach(c -> scores.add(new Score(c.code(), given.get(c.code()))));
    return scores;
  }

  static NotFoundException notFound(long taskId) {
    return new NotFoundException("Работа " + taskId + " не найдена среди ваших");
  }
}
