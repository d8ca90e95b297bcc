package org.oko.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.Subject;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A region's preliminary list, however it arrives (JSON or a workbook): who may submit it, when,
 * what makes an entry valid, and storing it.
 *
 * <p>Submitting replaces the region's whole list and makes every entry proposed again, even an
 * organization that a draw had already selected: a list can only change before the sample is
 * published to the region, and the federal organizer draws (or selects) again on the new list.
 */
@Component
class PreliminaryListService {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final StageGate stages;
  private final SampleStore store;
  private final TransactionalOperator tx;

  PreliminaryListService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      StageGate stages,
      SampleStore store,
      TransactionalOperator tx) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.stages = stages;
    this.store = store;
    this.tx = tx;
  }

  /** A list as read from its request: the proposals, and the problems found reading them. */
  record Read(List<Proposal> proposals, List<FieldProblem> problems) {}

  /**
   * Replaces the region's list with what {@code read} gives, read only once the caller may change
   * the list now; emits how many organizations it proposes.
   */
  Mono<Integer> replace(Caller caller, long campaignId, String regionCode, Mono<Read> read) {
    return access(caller, campaignId, regionCode)
        .flatMap(
            campaign ->
                requireEditable(campaignId, regionCode)
                    .then(read)
                    .flatMap(
                        list ->
                            submit(
                                caller, campaign, regionCode, list.proposals(), list.problems())));
  }

  /** Replaces the region's list with an uploaded template's rows, as {@link #replace}. */
  Mono<Integer> upload(Caller caller, long campaignId, String regionCode, StagedFile file) {
    return replace(
        caller, campaignId, regionCode, file.with(path -> readList(path, campaignId, regionCode)));
  }

  private static Mono<Read> readList(Path file, long campaignId, String region) {
    return Mono.fromCallable(
            () -> {
              SampleWorkbookReader.requireMadeFor(
                  SampleWorkbookReader.signature(file, FormSignature.PRELIMINARY_LIST),
                  FormSignature.preliminaryList(campaignId, region));
              SampleWorkbookReader.Parsed parsed = SampleWorkbookReader.lines(file, false);
              // The rows saying «да»: those saying «нет» are simply not in the list.
              List<Proposal> proposals =
                  parsed.lines().stream()
                      .filter(SampleWorkbookReader.Line::participates)
                      .map(SampleWorkbookReader.Line::proposal)
                      .toList();
              return new Read(proposals, parsed.problems());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * The campaign, if the caller (REGIONAL or FEDERAL, checked before) handles the region's list: a
   * region not its own or not in the campaign answers 404.
   */
  Mono<CampaignInfo> access(Caller caller, long campaignId, String regionCode) {
    if (!caller.seesRegion(regionCode)) {
      return Mono.error(new NotFoundException("Регион «" + regionCode + "» не найден"));
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .filter(c -> c.regionCodes().contains(regionCode))
        .switchIfEmpty(
            Mono.error(
                new NotFoundException(
                    "Регион «" + regionCode + "» не участвует в кампании " + campaignId)));
  }

  /** Completes if the list may change now: its stage is open and the sample not yet published. */
  Mono<Void> requireEditable(long campaignId, String regionCode) {
    return stages
        .requireOpen(campaignId, Stage.PRELIMINARY_LIST, regionCode, null)
        .then(store.isPublished(campaignId, regionCode))
        .flatMap(
            published ->
                published
                    ? Mono.error(
                        new ConflictException(
                            "Выборка уже опубликована региону: предварительный список больше не"
                                + " изменяется"))
                    : Mono.empty());
  }

  /**
   * Checks every proposal and stores the list, or answers 422 with every problem (including {@code
   * earlier} ones, such as malformed cells) and stores nothing. Emits how many organizations the
   * list proposes.
   */
  Mono<Integer> submit(
      Caller caller,
      CampaignInfo campaign,
      String regionCode,
      List<Proposal> proposals,
      List<FieldProblem> earlier) {
    return organizations
        .inRegion(regionCode, campaign.organizationKinds())
        .collectMap(OrganizationRef::login, Function.identity())
        .flatMap(
            allowed ->
                explainRefused(proposals, allowed, regionCode)
                    .map(refused -> check(proposals, allowed, refused, campaign)))
        .flatMap(
            checked -> {
              List<FieldProblem> problems = new ArrayList<>(earlier);
              problems.addAll(checked.problems());
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException(
                        "Предварительный список содержит ошибки ("
                            + problems.size()
                            + "): ничего не сохранено",
                        problems));
              }
              int proposed = checked.entries().size();
              return store
                  .replaceList(campaign.id(), regionCode, checked.entries())
                  .as(tx::transactional)
                  .thenReturn(proposed);
            });
  }

  private record Checked(Map<Long, Attributes> entries, List<FieldProblem> problems) {}

  /** Why each login outside the allowed organizations is refused, by login. */
  private Mono<Map<String, String>> explainRefused(
      List<Proposal> proposals, Map<String, OrganizationRef> allowed, String regionCode) {
    Set<String> others =
        proposals.stream()
            .map(Proposal::login)
            .filter(login -> !allowed.containsKey(login))
            .collect(Collectors.toSet());
    return Flux.fromIterable(others)
        .flatMap(
            login ->
                organizations
                    .byLogin(login)
                    .map(
                        org ->
                            Map.entry(
                                login,
                                org.regionCode().equals(regionCode)
                                    ? "Организация «"
                                        + login
                                        + "» не участвует в кампаниях этого вида"
                                    : "Организация «" + login + "» относится к другому региону"))
                    .defaultIfEmpty(
                        Map.entry(login, "Организация с логином «" + login + "» не найдена")),
            8)
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  private static Checked check(
      List<Proposal> proposals,
      Map<String, OrganizationRef> allowed,
      Map<String, String> refused,
      CampaignInfo campaign) {
    Set<String> subjectKeys =
        campaign.subjects().stream().map(Subject::key).collect(Collectors.toSet());
    Map<Long, Attributes> entries = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Proposal p : proposals) {
      OrganizationRef org = allowed.get(p.login());
      if (org == null) {
        problems.add(p.place().problem(Column.LOGIN, p.login(), refused.get(p.login())));
        continue;
      }
      if (!seen.add(p.login())) {
        problems.add(
            p.place()
                .problem(
                    Column.LOGIN,
                    p.login(),
                    "Организация «" + p.login() + "» указана в списке дважды"));
        continue;
      }
      if (p.attributes() == null) {
        // Its other cells were already reported; its subjects are listed with them.
        problems.addAll(unknownSubjects(p, subjectKeys));
        continue;
      }
      if (p.attributes().institutionType().isBlank()) {
        problems.add(p.place().problem(Column.TYPE, "", "Укажите тип ОО"));
      }
      problems.addAll(unknownSubjects(p, subjectKeys));
      entries.put(org.id(), p.attributes());
    }
    return new Checked(entries, problems);
  }

  /** Every subject of the proposal that is not one of the campaign's. */
  static List<FieldProblem> unknownSubjects(Proposal p, Set<String> subjectKeys) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String subject : p.subjects()) {
      if (!subjectKeys.contains(subject)) {
        problems.add(
            p.place()
                .problem(
                    Column.SUBJECTS,
                    String.join(", ", p.subjects()),
                    "Предмет «" + subject + "» не входит в кампанию (см. справочник предметов)"));
      }
    }
    return problems;
  }
}
