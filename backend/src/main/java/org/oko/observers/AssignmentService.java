package org.oko.observers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sending observers to points: assignment (one place a day, never an independent observer where
 * they work), withdrawal and referrals. Presence on the day is {@link PresenceService}.
 */
@Service
class AssignmentService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  record Page(long total, List<AssignmentInfo> items) {}

  private final AssignmentStore store;
  private final ObserverService observers;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final Schedule schedule;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  AssignmentService(
      AssignmentStore store,
      ObserverService observers,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      Schedule schedule,
      Outbox outbox,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.observers = observers;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.schedule = schedule;
    this.outbox = outbox;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** A page by number, or (keyset, {@code afterId} not null) the assignments after that id. */
  Mono<Page> list(
      Caller caller,
      long campaignId,
      Long organizationId,
      LocalDate day,
      Paging paging,
      Long afterId) {
    Visibility scope = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(organizationId == null ? Mono.empty() : point(caller, organizationId))
        .then(
            Mono.zip(
                store.count(campaignId, organizationId, day, scope),
                store.page(campaignId, organizationId, day, scope, paging, afterId).collectList(),
                Page::new));
  }

  Mono<AssignmentInfo> assign(
      Caller caller,
      long campaignId,
      long observerId,
      long pointId,
      LocalDate day,
      AssignmentInfo.Activity activity) {
    if (caller.role() == Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .then(Mono.zip(observerIn(caller, campaignId, observerId), point(caller, pointId)))
        .flatMap(
            found ->
                placed(
                    caller,
                    new Placement(campaignId, found.getT1(), found.getT2(), day, activity)));
  }

  /** What an assignment puts where: the observer, the point, the day and what they observe. */
  private record Placement(
      long campaignId,
      ObserverInfo observer,
      OrganizationRef point,
      LocalDate day,
      AssignmentInfo.Activity activity) {}

  private Mono<ObserverInfo> observerIn(Caller caller, long campaignId, long observerId) {
    return observers
        .visible(caller, observerId)
        .filter(o -> o.campaignId() == campaignId)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFoundException("Наблюдатель " + observerId + " не найден в кампании")));
  }

  /** The observer's and the point's rules, then the day's (by the region's clock). */
  private Mono<AssignmentInfo> placed(Caller caller, Placement p) {
    ObserverInfo observer = p.observer();
    OrganizationRef point = p.point();
    if (observer.status() != ObserverInfo.Status.ACCEPTED) {
      return Mono.error(
          new ConflictException("Назначить можно только принятого кандидата: сначала примите его"));
    }
    String refusal = ObserverRules.refusal(observer, point.id());
    if (refusal != null) {
      return Mono.error(new UnprocessableException("organizationId", refusal));
    }
    if (!point.regionCode().equals(observer.regionCode())) {
      return Mono.error(
          new UnprocessableException(
              "organizationId", "Наблюдатель направляется только в пункты своего региона"));
    }
    return store.zoneOf(point.regionCode()).flatMap(zone -> onDay(caller, p, zone));
  }

  /** Not a past day in the point's region, and a point that takes part in the campaign. */
  private Mono<AssignmentInfo> onDay(Caller caller, Placement p, String zone) {
    if (p.day().isBefore(schedule.today(zone))) {
      return Mono.error(
          new UnprocessableException(
              "day",
              "День наблюдения "
                  + DAY.format(p.day())
                  + " уже прошёл (по времени региона, "
                  + ZoneCities.city(zone)
                  + ")"));
    }
    return store
        .takesPart(p.campaignId(), p.point().id())
        .filter(takesPart -> takesPart)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new UnprocessableException(
                        "organizationId", "«" + p.point().name() + "» не участвует в кампании")))
        .flatMap(
            takesPart ->
                insert(caller, p.campaignId(), p.observer(), p.point(), p.day(), p.activity()));
  }

  private Mono<AssignmentInfo> insert(
      Caller caller,
      long campaignId,
      ObserverInfo observer,
      OrganizationRef point,
      LocalDate day,
      AssignmentInfo.Activity activity) {
    var now = schedule.now();
    Mono<Long> inserted =
        store
            .insert(campaignId, observer.id(), point, day, activity, caller.login(), now)
            .switchIfEmpty(Mono.defer(() -> busy(observer, day)))
            .flatMap(
                id ->
                    outbox
                        .append(
                            ObserverAssigned.TOPIC,
                            String.valueOf(observer.id()),
                            assigned(id, campaignId, observer, point, day, activity, now))
                        .thenReturn(id));
    return schedule
        .requireConductNotClosed(campaignId, point.regionCode(), point.id())
        .then(inserted)
        .as(tx::transactional)
        .flatMap(store::byId);
  }

  private static ObserverAssigned assigned(
      long id,
      long campaignId,
      ObserverInfo observer,
      OrganizationRef point,
      LocalDate day,
      AssignmentInfo.Activity activity,
      java.time.Instant now) {
    return new ObserverAssigned(
        id,
        observer.id(),
        campaignId,
        point.id(),
        point.regionCode(),
        observer.kind().name(),
        day,
        activity.name(),
        now);
  }

  private Mono<Long> busy(ObserverInfo observer, LocalDate day) {
    return store
        .elsewhereOn(observer.id(), day)
        .map(OrganizationRef::name)
        .defaultIfEmpty("другой пункт")
        .flatMap(
            where ->
                Mono.error(
                    new ConflictException(
                        "Наблюдатель уже назначен на "
                            + DAY.format(day)
                            + " в «"
                            + where
                            + "»: в один день — только одно место")));
  }

  Mono<Void> unassign(Caller caller, long assignmentId) {
    if (caller.role() == Role.ORGANIZATION || caller.role() == Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    return visible(caller, assignmentId)
        .flatMap(
            a ->
                store
                    .deleteUntouched(a.id())
                    .flatMap(
                        deleted ->
                            deleted ? Mono.<Void>empty() : Mono.error(AssignmentService::touched)));
  }

  private static ConflictException touched() {
    return new ConflictException(
        "Наблюдатель уже отметил присутствие или подал замечания: назначение снять нельзя");
  }

  /** The referral (направление) of one assignment as a workbook. */
  Mono<byte[]> referral(Caller caller, long assignmentId) {
    return visible(caller, assignmentId).flatMap(ReferralWorkbook::referral);
  }

  /** The referrals of a point, or of the caller's whole scope, as one workbook. */
  Mono<byte[]> referralList(Caller caller, long campaignId, Long organizationId) {
    Visibility scope = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(organizationId == null ? Mono.empty() : point(caller, organizationId))
        .thenMany(store.all(campaignId, organizationId, scope))
        .collectList()
        .flatMap(ReferralWorkbook::list);
  }

  /** The assignment if the caller sees it (its observer, or the point's scope); otherwise 404. */
  Mono<AssignmentInfo> visible(Caller caller, long assignmentId) {
    return store
        .byId(assignmentId)
        .filter(a -> ObserverAccess.sees(caller, a))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Назначение " + assignmentId + " не найдено")));
  }

  private Mono<OrganizationRef> point(Caller caller, long organizationId) {
    return organizations
        .byId(organizationId)
        .filter(o -> ObserverAccess.seesPoint(caller, o))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Организация " + organizationId + " не найдена")));
  }
}
