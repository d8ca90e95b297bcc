package org.oko.observers;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seed 000: the regional coordinator collects the observers' service notes and acts on violations
 * and passes the information to the federal organizer; the federal organizer sees which regions
 * passed theirs, when, late or not, and what they passed.
 */
@Service
class ViolationHandoverService {

  record Board(List<ViolationHandoverStore.Row> items) {

    int passed() {
      return (int) items.stream().filter(r -> r.handedAt() != null).count();
    }

    int late() {
      return (int) items.stream().filter(ViolationHandoverStore.Row::late).count();
    }
  }

  private final ViolationHandoverStore store;
  private final CampaignDirectory campaigns;
  private final Schedule schedule;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  ViolationHandoverService(
      ViolationHandoverStore store,
      CampaignDirectory campaigns,
      Schedule schedule,
      Outbox outbox,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.campaigns = campaigns;
    this.schedule = schedule;
    this.outbox = outbox;
    this.tx = TransactionalOperator.create(transactions);
  }

  /**
   * «Передать сведения о нарушениях»: the region's summary now, recorded (again replaces), and in
   * the same transaction the event that tells the federal organizers (notifications).
   */
  Mono<ViolationHandoverStore.Row> handOver(Caller caller, long campaignId) {
    if (caller.role() != Role.REGIONAL) {
      return Mono.error(new AccessDeniedException());
    }
    String region = caller.regionCode();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(schedule.violationsDeadline(campaignId, region).map(Deadline::of))
        .defaultIfEmpty(Deadline.NONE)
        .flatMap(deadline -> record(caller, campaignId, deadline).as(tx::transactional))
        .then(rows(campaignId, List.of(region)).next());
  }

  /**
   * The region's summary now recorded as passed, and the event that tells the federal organizers.
   */
  private Mono<Void> record(Caller caller, long campaignId, Deadline deadline) {
    String region = caller.regionCode();
    Instant now = schedule.now();
    boolean late = deadline.passedAt(now);
    return store
        .summary(campaignId, region)
        .flatMap(
            summary ->
                store
                    .upsert(campaignId, region, summary, caller.login(), now, deadline.at(), late)
                    .then(
                        outbox.append(
                            ObserverViolationsHandedOver.TOPIC,
                            campaignId + ":" + region,
                            new ObserverViolationsHandedOver(
                                campaignId,
                                region,
                                summary.regionName(),
                                summary.acts(),
                                summary.points(),
                                late,
                                now,
                                caller.login()))));
  }

  /** Every region of the campaign for the federal organizer; the caller's own for a region. */
  Mono<Board> board(Caller caller, long campaignId) {
    if (caller.role() != Role.FEDERAL && caller.role() != Role.REGIONAL) {
      return Mono.error(new AccessDeniedException());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMapMany(
            campaign ->
                rows(
                    campaignId,
                    caller.role() == Role.FEDERAL
                        ? campaign.regionCodes()
                        : List.of(caller.regionCode())))
        .collectList()
        .map(Board::new);
  }

  /**
   * The rows with their deadlines: a region that has not passed is late once its deadline is past;
   * one that has keeps the mark it got when it passed.
   */
  private Flux<ViolationHandoverStore.Row> rows(long campaignId, List<String> regions) {
    Instant now = schedule.now();
    return store
        .board(campaignId, regions)
        .concatMap(
            row ->
                row.handedAt() != null
                    ? Mono.just(row)
                    : schedule
                        .violationsDeadline(campaignId, row.regionCode())
                        .map(
                            deadline ->
                                new ViolationHandoverStore.Row(
                                    row.regionCode(),
                                    row.regionName(),
                                    row.timeZone(),
                                    null,
                                    null,
                                    deadline,
                                    now.isAfter(deadline),
                                    null,
                                    null,
                                    null,
                                    null,
                                    row.actsWithViolations()))
                        .defaultIfEmpty(row));
  }
}
