package org.oko.accounts;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The hand-outs a caller sees: the federal organizer every region's, a region its own with every
 * municipality's part, a municipal or responsible coordinator only the parts passed on to it.
 */
@Service
class HandoutListingService {

  /** A hand-out as the caller sees it, with what it may do now. */
  record View(
      HandoutStore.Handout handout, List<PartView> parts, ZoneId zone, boolean downloadable) {}

  /** A part as the caller sees it. */
  record PartView(HandoutStore.Part part, boolean passable, boolean downloadable) {}

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final HandoutStore store;
  private final OrganizationDirectory organizations;

  HandoutListingService(HandoutStore store, OrganizationDirectory organizations) {
    this.store = store;
    this.organizations = organizations;
  }

  Mono<Listing<View>> list(
      Caller caller, String regionCode, Long campaignId, long offset, int limit) {
    Visibility scope = HandoutAccess.reader(caller);
    boolean partsOnly = HandoutAccess.receivesParts(caller);
    return organizations
        .narrowed(scope, regionCode, null)
        .flatMap(
            narrowed -> {
              ScopeCondition on =
                  narrowed.condition(
                      partsOnly ? HandoutStore.PART_PLACE : HandoutStore.HANDOUT_PLACE);
              return Listing.of(
                  store.page(on, partsOnly, campaignId, offset, limit),
                  store.count(on, partsOnly, campaignId));
            })
        .flatMap(
            page -> views(caller, scope, page.items()).map(v -> new Listing<>(v, page.total())));
  }

  /** One hand-out the caller sees; 404 otherwise (or when a part-receiver has no part of it). */
  Mono<View> one(Caller caller, long id) {
    Visibility scope = HandoutAccess.reader(caller);
    return store
        .handout(id)
        .filter(h -> scope.seesRegion(h.regionCode()))
        .flatMap(h -> views(caller, scope, List.of(h)))
        .filter(views -> !views.isEmpty())
        .map(views -> views.get(0))
        .switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("Выдача логинов " + id + " не найдена");
  }

  private Mono<List<View>> views(
      Caller caller, Visibility scope, List<HandoutStore.Handout> found) {
    if (found.isEmpty()) {
      return Mono.just(List.of());
    }
    boolean receiver = HandoutAccess.receivesParts(caller);
    boolean region = !receiver && !scope.everything();
    List<Long> ids = found.stream().map(HandoutStore.Handout::id).toList();
    Set<String> regions =
        found.stream().map(HandoutStore.Handout::regionCode).collect(Collectors.toSet());
    return Mono.zip(
        store.parts(ids, scope.condition(HandoutStore.PART_PLACE)).collectList(),
        organizations.zonesOf(new HashSet<>(regions)),
        (parts, zones) -> views(found, parts, zones, receiver, region));
  }

  /** The hand-outs with their parts, as a receiver (passed parts only) or the region sees them. */
  private static List<View> views(
      List<HandoutStore.Handout> found,
      List<HandoutStore.Part> allParts,
      Map<String, ZoneId> zones,
      boolean receiver,
      boolean region) {
    Map<Long, List<PartView>> parts =
        allParts.stream()
            .filter(p -> !receiver || p.passedAt() != null)
            .map(p -> partView(p, receiver, region))
            .collect(Collectors.groupingBy(p -> p.part().handoutId()));
    return found.stream()
        .filter(h -> !receiver || parts.containsKey(h.id()))
        .map(
            h ->
                new View(
                    h,
                    parts.getOrDefault(h.id(), List.of()),
                    zones.getOrDefault(h.regionCode(), MOSCOW),
                    region && h.sealed()))
        .toList();
  }

  private static PartView partView(HandoutStore.Part p, boolean receiver, boolean region) {
    return new PartView(p, region && p.passedAt() == null, receiver && p.downloadedAt() == null);
  }
}
