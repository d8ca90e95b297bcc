package org.oko.sample;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.oko.sample.SampleStore.Candidate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The federal organizer's side of the sample: drawing it by rule ({@link SampleDraw}), adjusting it
 * by hand, and publishing it region by region. A published region's selection is final here; only
 * the verification changes it afterwards.
 */
@Component
class SampleSelectionService {

  private final SampleStore store;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  SampleSelectionService(SampleStore store, Outbox outbox, TransactionalOperator tx, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Draws {@code perRegion} organizations in each named region (every region of the campaign when
   * none is named) with the seed.
   */
  Mono<Void> draw(CampaignInfo campaign, List<String> regionCodes, int perRegion, long seed) {
    List<String> regions =
        regionCodes == null || regionCodes.isEmpty()
            ? campaign.regionCodes()
            : List.copyOf(new LinkedHashSet<>(regionCodes));
    for (String region : regions) {
      if (!campaign.regionCodes().contains(region)) {
        return Mono.error(
            new NotFoundException(
                "Регион «" + region + "» не участвует в кампании " + campaign.id()));
      }
    }
    return requireUnpublished(campaign.id(), regions)
        .then(store.candidates(campaign.id(), regions).collectList())
        .flatMap(
            candidates -> {
              Map<String, List<Candidate>> byRegion =
                  candidates.stream().collect(Collectors.groupingBy(Candidate::regionCode));
              List<Long> selected = new ArrayList<>();
              byRegion.forEach(
                  (region, list) -> selected.addAll(SampleDraw.select(list, perRegion, seed)));
              return store.replaceSelection(campaign.id(), regions, selected).as(tx::transactional);
            });
  }

  /** Adds organizations of the preliminary lists to the sample and takes others out of it. */
  Mono<Void> select(CampaignInfo campaign, List<Long> included, List<Long> excluded) {
    List<Long> include = included == null ? List.of() : included;
    List<Long> exclude = excluded == null ? List.of() : excluded;
    Set<Long> all = new HashSet<>(include);
    all.addAll(exclude);
    return store
        .entries(campaign.id(), all)
        .collectMap(Candidate::organizationId, Candidate::regionCode)
        .flatMap(
            regionOf -> {
              List<FieldProblem> problems = new ArrayList<>();
              checkListed("include", include, regionOf, problems);
              checkListed("exclude", exclude, regionOf, problems);
              for (int i = 0; i < exclude.size(); i++) {
                if (include.contains(exclude.get(i))) {
                  problems.add(
                      FieldProblem.of(
                          "exclude[" + i + "]",
                          "Организация "
                              + exclude.get(i)
                              + " одновременно добавляется и"
                              + " исключается"));
                }
              }
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("Выборка не изменена: ошибки в запросе", problems));
              }
              return requireUnpublished(campaign.id(), new TreeSet<>(regionOf.values()))
                  .then(store.setStatus(campaign.id(), include, "SELECTED"))
                  .then(store.setStatus(campaign.id(), exclude, "PROPOSED"))
                  .as(tx::transactional);
            });
  }

  private static void checkListed(
      String field, List<Long> ids, Map<Long, String> regionOf, List<FieldProblem> problems) {
    for (int i = 0; i < ids.size(); i++) {
      if (!regionOf.containsKey(ids.get(i))) {
        problems.add(
            FieldProblem.of(
                field + "[" + i + "]",
                "Организации " + ids.get(i) + " нет в предварительных списках кампании"));
      }
    }
  }

  /**
   * Publishes to the named regions, or to every region with a selection; a region already published
   * stays as it was (and gets no second event).
   */
  Mono<Void> publish(Caller caller, CampaignInfo campaign, List<String> regionCodes) {
    List<String> named = regionCodes == null ? List.of() : regionCodes;
    return Mono.zip(
            store.selectedCounts(campaign.id()),
            store.publishedRegions(campaign.id()).collect(Collectors.toSet()))
        .flatMap(
            t -> {
              Map<String, Integer> selected = t.getT1();
              Set<String> published = t.getT2();
              List<FieldProblem> problems = new ArrayList<>();
              List<String> regions = new ArrayList<>();
              if (named.isEmpty()) {
                campaign.regionCodes().stream()
                    .filter(r -> selected.getOrDefault(r, 0) > 0)
                    .forEach(regions::add);
                if (regions.isEmpty()) {
                  problems.add(
                      FieldProblem.of(
                          "regionCodes", "Ни в одном регионе кампании ещё нет выборки"));
                }
              }
              for (int i = 0; i < named.size(); i++) {
                String region = named.get(i);
                if (!campaign.regionCodes().contains(region)) {
                  problems.add(
                      FieldProblem.of(
                          "regionCodes[" + i + "]",
                          "Регион «" + region + "» не участвует в кампании"));
                } else if (!published.contains(region) && selected.getOrDefault(region, 0) == 0) {
                  problems.add(
                      FieldProblem.of(
                          "regionCodes[" + i + "]",
                          "В регионе «" + region + "» не выбрано ни одной организации"));
                } else if (!regions.contains(region)) {
                  regions.add(region);
                }
              }
              if (!problems.isEmpty()) {
                return Mono.error(new UnprocessableException("Выборка не опубликована", problems));
              }
              return Flux.fromIterable(regions)
                  .concatMap(
                      region ->
                          publishRegion(
                              caller, campaign.id(), region, selected.getOrDefault(region, 0)))
                  .then()
                  .as(tx::transactional);
            });
  }

  /** Publishes the region's sample and, the first time, its SamplePublished event. */
  private Mono<Void> publishRegion(Caller caller, long campaignId, String region, int selected) {
    return store
        .publish(campaignId, region, caller.login(), clock.instant())
        .flatMap(
            fresh ->
                fresh
                    ? outbox.append(
                        SamplePublished.TOPIC,
                        campaignId + ":" + region,
                        new SamplePublished(campaignId, region, selected, caller.login()))
                    : Mono.empty());
  }

  private Mono<Void> requireUnpublished(long campaignId, java.util.Collection<String> regions) {
    return store
        .publishedRegions(campaignId)
        .filter(regions::contains)
        .collectSortedList()
        .flatMap(
            published ->
                published.isEmpty()
                    ? Mono.empty()
                    : Mono.error(
                        new ConflictException(
                            "Выборка уже опубликована регионам "
                                + String.join(", ", published)
                                + ": изменить её можно только выверкой")));
  }
}
