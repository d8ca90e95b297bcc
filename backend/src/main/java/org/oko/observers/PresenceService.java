package org.oko.observers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Seed 003 10.1, presence on the day: the observer's own list and «Я на месте» (once, on the day),
 * and the presence board of a scope (expected / present per point), pushed live by {@link
 * PresenceLiveWorker}.
 */
@Service
class PresenceService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final PresenceStore store;
  private final AssignmentStore assignmentStore;
  private final AssignmentService assignments;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final Schedule schedule;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  PresenceService(
      PresenceStore store,
      AssignmentStore assignmentStore,
      AssignmentService assignments,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      Schedule schedule,
      Outbox outbox,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.assignmentStore = assignmentStore;
    this.assignments = assignments;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.schedule = schedule;
    this.outbox = outbox;
    this.tx = TransactionalOperator.create(transactions);
  }

  Mono<List<AssignmentInfo>> mine(Caller caller) {
    if (caller.role() != Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    return assignmentStore.ofObserver(caller.login()).collectList();
  }

  /** «Я на месте»: only the observer assigned, only on the day (the point's local date), once. */
  Mono<AssignmentInfo> markPresence(Caller caller, long assignmentId) {
    if (caller.role() != Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    return assignments.visible(caller, assignmentId).flatMap(this::marked);
  }

  /**
   * Presence of a visible assignment recorded now with its event, if it is the day and unmarked.
   */
  private Mono<AssignmentInfo> marked(AssignmentInfo a) {
    LocalDate today = schedule.today(a.timeZone());
    if (!today.equals(a.day())) {
      return Mono.error(
          new ConflictException(
              "Отметить присутствие можно только в день наблюдения, "
                  + DAY.format(a.day())
                  + " (сегодня "
                  + DAY.format(today)
                  + " по времени региона, "
                  + ZoneCities.city(a.timeZone())
                  + ")"));
    }
    if (a.presentAt() != null) {
      return Mono.error(alreadyPresent(a));
    }
    var now = schedule.now();
    return assignmentStore
        .markPresent(a.id(), now)
        .flatMap(marked -> marked ? announced(a, now) : markedMeanwhile(a))
        .as(tx::transactional)
        .then(assignmentStore.byId(a.id()));
  }

  /** The event that pushes the mark to the presence boards (written with it). */
  private Mono<Void> announced(AssignmentInfo a, java.time.Instant now) {
    return outbox.append(
        ObserverPresenceMarked.TOPIC,
        String.valueOf(a.point().id()),
        new ObserverPresenceMarked(
            a.id(), a.campaignId(), a.point().id(), a.point().regionCode(), now));
  }

  /** A second «Я на месте» that raced the first: the time the first one recorded. */
  private Mono<Void> markedMeanwhile(AssignmentInfo a) {
    return assignmentStore.byId(a.id()).flatMap(again -> Mono.error(alreadyPresent(again)));
  }

  private static ConflictException alreadyPresent(AssignmentInfo a) {
    return new ConflictException(
        "Присутствие уже отмечено в "
            + TIME.format(a.presentAt().atZone(ZoneId.of(a.timeZone())))
            + " ("
            + ZoneCities.city(a.timeZone())
            + ")");
  }

  /** The day's board: a page by number, or (keyset, {@code afterLogin} not null) by login. */
  Mono<PointPresence.Board> board(
      Caller caller,
      long campaignId,
      LocalDate day,
      Long municipalityId,
      Paging paging,
      String afterLogin) {
    if (caller.role() == Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    Visibility own = Visibility.of(caller);
    Mono<Visibility> scope =
        municipalityId == null ? Mono.just(own) : organizations.narrowed(own, null, municipalityId);
    String zoneRegion = caller.regionCode() == null ? "77" : caller.regionCode();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(scope)
        .flatMap(
            visibility ->
                Mono.zip(
                    store.totals(campaignId, day, visibility),
                    store.points(campaignId, day, visibility, paging, afterLogin).collectList(),
                    assignmentStore.zoneOf(zoneRegion).defaultIfEmpty("Europe/Moscow")))
        .flatMap(
            found -> withObservers(campaignId, day, found.getT1(), found.getT2(), found.getT3()));
  }

  /** The page's points, each with the observers expected there that day (one read for the page). */
  private Mono<PointPresence.Board> withObservers(
      long campaignId,
      LocalDate day,
      PointPresence.Totals totals,
      List<PointPresence> page,
      String timeZone) {
    if (page.isEmpty()) {
      return Mono.just(new PointPresence.Board(totals, page, timeZone));
    }
    return store
        .atPoints(campaignId, page.stream().map(p -> p.point().id()).toList(), day)
        .collectList()
        .map(assignments -> new PointPresence.Board(totals, filled(page, assignments), timeZone));
  }

  private static List<PointPresence> filled(
      List<PointPresence> page, List<AssignmentInfo> assignments) {
    Map<Long, List<PointPresence.Expected>> byPoint =
        assignments.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.point().id(),
                    Collectors.mapping(PresenceService::expected, Collectors.toList())));
    List<PointPresence> rows = new ArrayList<>();
    for (PointPresence p : page) {
      rows.add(
          new PointPresence(
              p.point(),
              p.expected(),
              p.present(),
              byPoint.getOrDefault(p.point().id(), List.of())));
    }
    return rows;
  }

  private static PointPresence.Expected expected(AssignmentInfo a) {
    return new PointPresence.Expected(
        a.id(), a.observerName(), a.observerKind(), a.activity(), a.presentAt());
  }
}
