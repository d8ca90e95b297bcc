package org.oko.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Each organization's test days (seed {@code 004_900d14c936e55d94.txt}: ВПР test days differ per
 * school within the federal period; the school picks them in its application). The organization
 * chooses while its application stage is open; its coordinators may correct them at any time.
 */
@Component
class TestDayService {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The campaign, the organization and the federal conduct window in its region's zone. */
  private record Target(CampaignInfo campaign, OrganizationRef organization, StageWindow conduct) {
    LocalDate from() {
      return conduct.opensAt().atZone(conduct.zone()).toLocalDate();
    }

    LocalDate to() {
      return conduct.closesAt().minusNanos(1).atZone(conduct.zone()).toLocalDate();
    }
  }

  private record Found(CampaignInfo campaign, OrganizationRef organization) {}

  private final CampaignDirectory campaigns;
  private final CampaignParticipants participants;
  private final OrganizationDirectory organizations;
  private final StageGate gate;
  private final TestDayStore store;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  TestDayService(
      CampaignDirectory campaigns,
      CampaignParticipants participants,
      OrganizationDirectory organizations,
      StageGate gate,
      TestDayStore store,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.participants = participants;
    this.organizations = organizations;
    this.gate = gate;
    this.store = store;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<ChosenDays> get(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId).flatMap(this::read);
  }

  Mono<ChosenDays> replace(
      Caller caller, long campaignId, long organizationId, List<ChosenDays.Day> days) {
    return target(caller, campaignId, organizationId)
        .flatMap(t -> mayChoose(caller, t).thenReturn(t))
        .flatMap(
            t -> {
              List<FieldProblem> problems = check(t, days);
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("Дни проведения указаны с ошибками", problems));
              }
              return write(t, days, caller.login()).then(read(t));
            });
  }

  private Mono<Void> write(Target t, List<ChosenDays.Day> days, String by) {
    Map<String, LocalDate> chosen = new LinkedHashMap<>();
    days.forEach(d -> chosen.put(d.subjectKey(), d.date()));
    long org = t.organization().id();
    return store
        .replace(t.campaign().id(), org, days, by, clock.instant())
        .then(
            outbox.append(
                TestDaysChosen.TOPIC,
                t.campaign().id() + ":" + org,
                new TestDaysChosen(t.campaign().id(), org, chosen, by)))
        .as(tx::transactional);
  }

  private Mono<ChosenDays> read(Target t) {
    return store
        .list(t.campaign().id(), t.organization().id())
        .collectList()
        .map(
            stored -> {
              List<ChosenDays.Day> days = stored.stream().map(s -> day(t, s)).toList();
              String by = stored.isEmpty() ? null : stored.get(0).chosenBy();
              Instant at = stored.isEmpty() ? null : stored.get(0).chosenAt();
              return new ChosenDays(
                  t.organization(), t.conduct().zone(), t.from(), t.to(), days, by, at);
            });
  }

  /** A stored day with its subject's name (the key, if the campaign no longer has the subject). */
  private static ChosenDays.Day day(Target t, TestDayStore.Stored s) {
    String subject = t.campaign().subject(s.subjectKey()).map(Subject::name).orElse(s.subjectKey());
    return new ChosenDays.Day(s.subjectKey(), subject, s.date());
  }

  /** The organization itself only while its application stage is open; coordinators any time. */
  private Mono<Void> mayChoose(Caller caller, Target t) {
    if (caller.role() != Role.ORGANIZATION) {
      return Mono.empty();
    }
    return gate.requireOpen(
        t.campaign().id(), Stage.APPLICATION, t.organization().regionCode(), t.organization().id());
  }

  private static List<FieldProblem> check(Target t, List<ChosenDays.Day> days) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < days.size(); i++) {
      ChosenDays.Day day = days.get(i);
      String field = "days[" + i + "]";
      var subject = t.campaign().subject(day.subjectKey());
      if (subject.isEmpty()) {
        problems.add(
            FieldProblem.of(
                field + ".subjectKey",
                "Предмета «"
                    + day.subjectKey()
                    + "» нет в кампании «"
                    + t.campaign().title()
                    + "»"));
        continue;
      }
      String name = subject.get().name();
      if (!seen.add(day.subjectKey())) {
        problems.add(
            FieldProblem.of(
                field + ".subjectKey", "День проведения по предмету «" + name + "» указан дважды"));
      }
      if (day.date().isBefore(t.from()) || day.date().isAfter(t.to())) {
        problems.add(
            FieldProblem.of(
                field + ".date",
                "День "
                    + DATE.format(day.date())
                    + " по предмету «"
                    + name
                    + "» вне периода проведения: с "
                    + DATE.format(t.from())
                    + " по "
                    + DATE.format(t.to())
                    + " (даты по времени региона, "
                    + ZoneCities.city(t.conduct().zone())
                    + ")"));
      }
    }
    return problems;
  }

  /**
   * The campaign the caller sees, one organization of it within the caller's scope that takes part
   * in it, and the conduct stage's federal window; 404 for anything outside the scope.
   */
  private Mono<Target> target(Caller caller, long campaignId, long organizationId) {
    return Mono.fromCallable(() -> Visibility.of(caller))
        .flatMap(
            scope ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .zipWith(
                        organizations
                            .byId(organizationId)
                            .filter(scope::seesOrganization)
                            .filterWhen(o -> takesPart(o, campaignId))
                            .switchIfEmpty(Mono.error(() -> organizationNotFound(organizationId))),
                        Found::new))
        .flatMap(
            found ->
                gate.window(campaignId, Stage.CONDUCT, found.organization().regionCode(), null)
                    .switchIfEmpty(Mono.error(TestDayService::noConductStage))
                    .map(conduct -> new Target(found.campaign(), found.organization(), conduct)));
  }

  private static ConflictException noConductStage() {
    return new ConflictException(
        "Этап «"
            + StageNames.of(Stage.CONDUCT)
            + "» не предусмотрен планом-графиком кампании: дни проведения выбирать не из чего");
  }

  private Mono<Boolean> takesPart(OrganizationRef o, long campaignId) {
    return participants.campaignsOf(o.id()).map(ids -> ids.contains(campaignId));
  }

  private static NotFoundException organizationNotFound(long id) {
    return new NotFoundException("Организация " + id + " не найдена среди участников кампании");
  }
}
