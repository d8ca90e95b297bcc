package org.oko.campaigns;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Campaigns and their schedules: everyone reads what they take part in; the federal organizer
 * creates and changes them, each change in one transaction with its event.
 */
@Component
class CampaignService {

  /** A campaign as one viewer sees it, in the viewer's time zone. */
  record Seen(CampaignRow campaign, ZoneId zone) {}

  /** One page of the campaigns a viewer sees, and how many they see in all. */
  record SeenPage(long total, List<CampaignRow> campaigns, ZoneId zone) {}

  private final CampaignStore store;
  private final CampaignDirectory directory;
  private final CampaignParticipants participants;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ObjectProvider<RegionalDeadlineDirectory> deadlines;

  CampaignService(
      CampaignStore store,
      CampaignDirectory directory,
      CampaignParticipants participants,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock,
      ObjectProvider<RegionalDeadlineDirectory> deadlines) {
    this.deadlines = deadlines;
    this.store = store;
    this.directory = directory;
    this.participants = participants;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<SeenPage> list(Caller caller, CampaignInfo.Kind kind, Paging paging) {
    return directory
        .viewerOf(caller)
        .flatMap(
            viewer ->
                Mono.zip(
                    store.count(viewer, kind),
                    store
                        .list(viewer, kind, paging)
                        .collectList()
                        .flatMap(rows -> underRegion(rows, viewer.regionCode(), caller.role())),
                    (total, rows) -> new SeenPage(total, rows, viewer.zone())));
  }

  /**
   * The rows with their region's roadmap applied (issue 19): what the region's people see — the
   * deadlines that bind everyone, or the viewer's kind ({@code who}).
   */
  private Mono<List<CampaignRow>> underRegion(List<CampaignRow> rows, String regionCode, Role who) {
    RegionalDeadlineDirectory regional = deadlines.getIfAvailable();
    if (regional == null || regionCode == null || rows.isEmpty()) {
      return Mono.just(rows);
    }
    return regional
        .closingIn(rows.stream().map(CampaignRow::id).toList(), regionCode, who)
        .map(
            (Map<Long, List<RegionalDeadline>> byCampaign) ->
                rows.stream().map(row -> row.underRegion(byCampaign.get(row.id()))).toList());
  }

  /** The campaign as the caller sees it; 404 if they do not take part in it. */
  Mono<Seen> visible(Caller caller, long campaignId) {
    return directory
        .viewerOf(caller)
        .flatMap(
            viewer ->
                store
                    .find(campaignId, viewer)
                    .flatMap(row -> underRegion(List.of(row), viewer.regionCode(), caller.role()))
                    .map(rows -> new Seen(rows.get(0), viewer.zone())))
        .switchIfEmpty(Mono.error(() -> CampaignDirectory.notFound(campaignId)));
  }

  Mono<Seen> create(Caller caller, CampaignDraft draft) {
    return check(draft).then(insert(draft, caller.login())).flatMap(id -> visible(caller, id));
  }

  private Mono<Long> insert(CampaignDraft draft, String by) {
    return store
        .insert(
            draft.kind(),
            draft.title().strip(),
            draft.academicYear(),
            draft.subjects(),
            by,
            clock.instant())
        .flatMap(id -> store.replaceRegions(id, draft.regionCodes()).thenReturn(id))
        .as(tx::transactional);
  }

  Mono<Seen> update(Caller caller, long campaignId, long version, CampaignDraft draft) {
    return existing(campaignId)
        .then(check(draft))
        .then(keepsRegionsWithLists(campaignId, draft.regionCodes()))
        .then(change(campaignId, version, draft))
        .then(visible(caller, campaignId));
  }

  /** A region that has a preliminary list may not leave the campaign. */
  private Mono<Void> keepsRegionsWithLists(long campaignId, List<String> regionCodes) {
    return participants
        .regionsWithLists(campaignId)
        .map(withLists -> withLists.stream().filter(code -> !regionCodes.contains(code)).toList())
        .flatMap(
            dropped ->
                dropped.isEmpty()
                    ? Mono.empty()
                    : Mono.error(
                        new UnprocessableException(
                            "regionCodes",
                            "Нельзя исключить регионы "
                                + String.join(", ", dropped)
                                + ": у них уже есть предварительный список ОО")));
  }

  private Mono<Void> change(long campaignId, long version, CampaignDraft draft) {
    return store
        .update(
            campaignId,
            version,
            draft.kind(),
            draft.title().strip(),
            draft.academicYear(),
            draft.subjects())
        .flatMap(
            updated ->
                updated
                    ? store.replaceRegions(campaignId, draft.regionCodes())
                    : Mono.<Void>error(staleVersion()))
        .as(tx::transactional);
  }

  Mono<Seen> replaceSchedule(
      Caller caller, long campaignId, long version, List<ScheduleRules.Window> stages) {
    List<FieldProblem> problems = ScheduleRules.check(stages);
    if (!problems.isEmpty()) {
      return Mono.error(new UnprocessableException("План-график содержит ошибки", problems));
    }
    List<ScheduleChanged.Window> windows =
        stages.stream()
            .sorted(Comparator.comparing(ScheduleRules.Window::opensAt))
            .map(s -> new ScheduleChanged.Window(s.stage().name(), s.opensAt(), s.closesAt()))
            .toList();
    Mono<Void> replace =
        store
            .bumpVersion(campaignId, version)
            .flatMap(
                current ->
                    current
                        ? store.replaceStages(campaignId, windows)
                        : Mono.<Void>error(staleVersion()))
            .then(
                outbox.append(
                    ScheduleChanged.TOPIC,
                    String.valueOf(campaignId),
                    new ScheduleChanged(campaignId, windows, caller.login())))
            .as(tx::transactional);
    return existing(campaignId).then(replace).then(visible(caller, campaignId));
  }

  private Mono<Void> existing(long campaignId) {
    return store
        .exists(campaignId)
        .flatMap(
            exists -> exists ? Mono.empty() : Mono.error(CampaignDirectory.notFound(campaignId)));
  }

  private Mono<Void> check(CampaignDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Subject> subjects = draft.subjects();
    List<String> regionCodes = draft.regionCodes();
    var keys = new HashSet<String>();
    for (int i = 0; i < subjects.size(); i++) {
      if (!keys.add(subjects.get(i).key())) {
        problems.add(
            FieldProblem.of(
                "subjects[" + i + "].key",
                "Предмет «" + subjects.get(i).key() + "» указан дважды"));
      }
    }
    if (regionCodes.isEmpty()) {
      problems.add(FieldProblem.of("regionCodes", "Укажите хотя бы один регион-участник"));
    }
    if (new HashSet<>(regionCodes).size() != regionCodes.size()) {
      problems.add(FieldProblem.of("regionCodes", "Регион указан дважды"));
    }
    return store
        .unknownRegions(regionCodes)
        .flatMap(
            unknown -> {
              unknown.forEach(
                  code ->
                      problems.add(FieldProblem.of("regionCodes", "Нет региона с кодом " + code)));
              return problems.isEmpty()
                  ? Mono.<Void>empty()
                  : Mono.error(new UnprocessableException("Кампания содержит ошибки", problems));
            });
  }

  private static ConflictException staleVersion() {
    return new ConflictException(
        "Кампанию уже изменил кто-то другой. Обновите страницу и внесите изменения ещё раз.");
  }
}
