package org.oko.observers;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seed 003 11.2–11.3: the municipal (or responsible) coordinator forms the archive of acts with
 * violations and passes it to РЦОКО by the roadmap's deadline (after it: accepted, marked late);
 * the region sees which units passed theirs, which did not, and who is late.
 */
@Service
class ArchiveHandoverService {

  record Board(
      String regionCode, Instant deadline, String timeZone, List<ArchiveHandoverStore.Row> items) {

    int passed() {
      return (int) items.stream().filter(r -> r.handedAt() != null).count();
    }

    int late() {
      return (int) items.stream().filter(ArchiveHandoverStore.Row::late).count();
    }
  }

  private final ArchiveHandoverStore store;
  private final CampaignDirectory campaigns;
  private final Schedule schedule;
  private final TransactionalOperator tx;

  ArchiveHandoverService(
      ArchiveHandoverStore store,
      CampaignDirectory campaigns,
      Schedule schedule,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.campaigns = campaigns;
    this.schedule = schedule;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** «Передано в РЦОКО»: records the caller's unit's archive as passed (again replaces). */
  Mono<ArchiveHandoverStore.Row> handOver(Caller caller, long campaignId) {
    if (caller.role() != Role.MUNICIPAL && caller.role() != Role.RESPONSIBLE) {
      return Mono.error(new AccessDeniedException());
    }
    String unitKey =
        caller.role() == Role.MUNICIPAL ? "m" + caller.municipalityId() : caller.login();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(deadline(campaignId, caller.regionCode()))
        .flatMap(
            deadline ->
                store
                    .actsWithViolations(campaignId, Visibility.of(caller))
                    .flatMap(
                        acts ->
                            store.upsert(
                                campaignId,
                                unitKey,
                                caller.regionCode(),
                                caller.municipalityId(),
                                acts,
                                caller.login(),
                                schedule.now(),
                                deadline))
                    .as(tx::transactional))
        .then(own(caller, campaignId).next());
  }

  /** The region's units, whether each passed its archive and who is late, with the deadline. */
  Mono<Board> board(Caller caller, long campaignId, String regionCode) {
    String region;
    switch (caller.role()) {
      case FEDERAL -> {
        if (regionCode == null) {
          return Mono.error(
              new UnprocessableException("regionCode", "Укажите регион: архивы собирает регион"));
        }
        region = regionCode;
      }
      case REGIONAL, MUNICIPAL, RESPONSIBLE -> {
        if (regionCode != null && !regionCode.equals(caller.regionCode())) {
          return Mono.error(new NotFoundException("Регион " + regionCode + " не найден"));
        }
        region = caller.regionCode();
      }
      default -> {
        return Mono.error(new AccessDeniedException());
      }
    }
    Instant now = schedule.now();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(deadline(campaignId, region))
        .flatMap(
            deadline ->
                Mono.zip(
                    (caller.role() == Role.MUNICIPAL || caller.role() == Role.RESPONSIBLE
                            ? own(caller, campaignId)
                            : store.board(campaignId, region, null, null))
                        .map(row -> row.judgedBy(deadline, now))
                        .collectList(),
                    store.zoneOf(region),
                    (items, zone) -> new Board(region, deadline.at(), zone, items)));
  }

  private Mono<Deadline> deadline(long campaignId, String regionCode) {
    return schedule
        .actsDeadline(campaignId, regionCode, null, null)
        .map(Deadline::of)
        .defaultIfEmpty(Deadline.NONE);
  }

  private Flux<ArchiveHandoverStore.Row> own(Caller caller, long campaignId) {
    return caller.role() == Role.MUNICIPAL
        ? store.board(campaignId, caller.regionCode(), caller.municipalityId(), null)
        : store
            .board(campaignId, caller.regionCode(), null, caller.login())
            .switchIfEmpty(
                store
                    .zoneOf(caller.regionCode())
                    .map(
                        zone ->
                            new ArchiveHandoverStore.Row(
                                "Ответственный координатор (" + caller.login() + ")",
                                null,
                                null,
                                null,
                                null,
                                zone,
                                false)));
  }
}
