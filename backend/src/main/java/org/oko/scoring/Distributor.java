package org.oko.scoring;

import java.time.Clock;
import java.time.Instant;
import org.oko.platform.web.ConflictException;
import org.oko.scans.ScanSchemes.Scheme;
import org.oko.scans.SheetDirectory;
import org.oko.scans.SheetStatuses;
import org.oko.scans.SheetStatuses.WorkStage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Gives a region's complete, unassigned works of a subject to its experts in one transaction: the
 * tasks, and the works' sheets marked ASSIGNED. Works whose discrepancy found no third expert at
 * the time get one now, if the region has one. Runs for the same campaign, subject and region wait
 * for each other; the unique (campaign, subject, kit, round) is the last line of defence.
 */
@Component
class Distributor {

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final SheetDirectory sheets;
  private final SheetStatuses statuses;
  private final Experts experts;
  private final ScoringTasks tasks;
  private final Clock clock;

  Distributor(
      DatabaseClient db,
      TransactionalOperator tx,
      SheetDirectory sheets,
      SheetStatuses statuses,
      Experts experts,
      ScoringTasks tasks,
      Clock clock) {
    this.db = db;
    this.tx = tx;
    this.sheets = sheets;
    this.statuses = statuses;
    this.experts = experts;
    this.tasks = tasks;
    this.clock = clock;
  }

  Mono<Assignment.Plan> distribute(Scheme scheme, String regionCode) {
    long campaignId = scheme.campaignId();
    String subject = scheme.subjectKey();
    Instant now = clock.instant();
    Mono<Assignment.Plan> work =
        db.sql("select pg_advisory_xact_lock(hashtext(:key))")
            .bind("key", "scoring:" + campaignId + ":" + subject + ":" + regionCode)
            .then()
            .then(
                Mono.zip(
                    sheets.completeUnassignedWorks(campaignId, regionCode, subject).collectList(),
                    experts.candidates(campaignId, regionCode, subject).collectList(),
                    tasks.distributed(campaignId, regionCode, subject),
                    tasks.awaitingThird(campaignId, regionCode, subject).collectList()))
            .map(
                t ->
                    Assignment.plan(
                        t.getT1(), t.getT2(), scheme.secondScoringPercent(), t.getT3(), t.getT4()))
            .flatMap(
                plan ->
                    tasks
                        .insert(campaignId, subject, regionCode, plan.tasks(), now)
                        .then(
                            statuses.advanceWorks(
                                campaignId,
                                subject,
                                plan.tasks().stream()
                                    .filter(task -> task.round() == 1)
                                    .map(task -> task.work().kitNumber())
                                    .toList(),
                                WorkStage.ASSIGNED))
                        .then(Mono.just(plan)));
    return work.as(tx::transactional)
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new ConflictException(
                    "Работы этого предмета распределяются одновременно другим запросом —"
                        + " обновите страницу и повторите"));
  }
}
