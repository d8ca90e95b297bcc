package org.oko.orgs;

import java.util.List;
import org.oko.orgs.HierarchyStore.MunicipalityRow;
import org.oko.orgs.HierarchyStore.OrganizationFilter;
import org.oko.orgs.HierarchyStore.OrganizationRow;
import org.oko.orgs.HierarchyStore.RegionRow;
import org.oko.orgs.HierarchyStore.TreeNode;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The hierarchy, as far as the caller may see it ({@link Visibility#directoryOf}): lists are
 * narrowed to the caller's scope, and a foreign id or filter answers 404.
 */
@Component
class HierarchyService {

  /** One page of a list and how many rows the whole list has. */
  record Counted<T>(long total, List<T> items) {}

  /** A region's tree: its municipalities and the node of organizations without one. */
  record Tree(RegionRow region, List<TreeNode> municipalities, TreeNode withoutMunicipality) {}

  private final HierarchyStore store;

  HierarchyService(HierarchyStore store) {
    this.store = store;
  }

  Mono<Counted<RegionRow>> regions(Caller caller, Paging paging) {
    Visibility v = Visibility.directoryOf(caller);
    return Mono.zip(
        store.countRegions(v.regionCode()),
        store.regions(v.regionCode(), paging).collectList(),
        Counted::new);
  }

  Mono<RegionRow> region(Caller caller, String regionCode) {
    return visibleRegion(Visibility.directoryOf(caller), regionCode);
  }

  Mono<Tree> tree(Caller caller, String regionCode) {
    Visibility v = Visibility.directoryOf(caller);
    if (!v.coordinates()) {
      return Mono.error(new AccessDeniedException());
    }
    return visibleRegion(v, regionCode)
        .flatMap(
            region ->
                Mono.zip(
                    store.municipalityNodes(regionCode),
                    store.withoutMunicipalityNode(regionCode),
                    (nodes, orphans) -> narrow(v, new Tree(region, nodes, orphans))));
  }

  Mono<Counted<MunicipalityRow>> municipalities(Caller caller, String regionCode, Paging paging) {
    Visibility v = Visibility.directoryOf(caller);
    if (regionCode != null && !v.seesRegion(regionCode)) {
      return Mono.error(regionNotFound(regionCode));
    }
    if (v.withoutMunicipalityOnly()) {
      return Mono.just(new Counted<>(0L, List.of()));
    }
    if (v.municipalityId() != null) {
      // A municipal coordinator or a school: its own municipality only.
      return store
          .municipality(v.municipalityId())
          .map(List::of)
          .defaultIfEmpty(List.of())
          .map(own -> new Counted<>(own.size(), paging.page() == 0 ? own : List.of()));
    }
    String region = regionCode != null ? regionCode : v.regionCode();
    return Mono.zip(
        store.countMunicipalities(region),
        store.municipalities(region, paging).collectList(),
        Counted::new);
  }

  Mono<MunicipalityRow> municipality(Caller caller, long municipalityId) {
    Visibility v = Visibility.directoryOf(caller);
    return store
        .municipality(municipalityId)
        .filter(m -> v.seesMunicipality(m.regionCode(), m.id()))
        .switchIfEmpty(
            Mono.error(new NotFoundException("Муниципалитет " + municipalityId + " не найден")));
  }

  /** A page by number, or (with {@code afterLogin}) the page after that login. */
  Mono<Counted<OrganizationRow>> organizations(
      Caller caller, OrganizationFilter requested, Paging paging, String afterLogin) {
    OrganizationFilter filter = narrow(Visibility.directoryOf(caller), requested);
    return Mono.zip(
        store.countOrganizations(filter),
        store.organizations(filter, paging, afterLogin).collectList(),
        Counted::new);
  }

  Mono<OrganizationRow> organization(Caller caller, long organizationId) {
    Visibility v = Visibility.directoryOf(caller);
    return store
        .organization(organizationId)
        .filter(o -> v.seesOrganization(o.id(), o.regionCode(), o.municipalityId()))
        .switchIfEmpty(
            Mono.error(new NotFoundException("Организация " + organizationId + " не найдена")));
  }

  private Mono<RegionRow> visibleRegion(Visibility v, String regionCode) {
    return v.seesRegion(regionCode)
        ? store.region(regionCode).switchIfEmpty(Mono.error(() -> regionNotFound(regionCode)))
        : Mono.error(regionNotFound(regionCode));
  }

  /** The requested filter within the caller's scope; a filter pointing outside it is a 404. */
  private static OrganizationFilter narrow(Visibility v, OrganizationFilter f) {
    if (f.regionCode() != null && !v.seesRegion(f.regionCode())) {
      throw regionNotFound(f.regionCode());
    }
    if (f.municipalityId() != null
        && (v.withoutMunicipalityOnly()
            || (v.municipalityId() != null && !v.municipalityId().equals(f.municipalityId())))) {
      throw new NotFoundException("Муниципалитет " + f.municipalityId() + " не найден");
    }
    return new OrganizationFilter(
        v.everything() ? f.regionCode() : v.regionCode(),
        v.municipalityId() != null ? v.municipalityId() : f.municipalityId(),
        v.withoutMunicipalityOnly() || f.withoutMunicipality(),
        v.organizationId(),
        f.kind(),
        f.q());
  }

  /** A municipal coordinator sees only its node; a responsible one only the region-level one. */
  private static Tree narrow(Visibility v, Tree tree) {
    if (v.withoutMunicipalityOnly()) {
      return new Tree(tree.region(), List.of(), tree.withoutMunicipality());
    }
    if (v.municipalityId() != null) {
      var own =
          tree.municipalities().stream()
              .filter(n -> v.municipalityId().equals(n.municipalityId()))
              .toList();
      return new Tree(
          tree.region(), own, new TreeNode(null, tree.withoutMunicipality().name(), List.of()));
    }
    return tree;
  }

  private static NotFoundException regionNotFound(String regionCode) {
    return new NotFoundException("Регион «" + regionCode + "» не найден");
  }
}
