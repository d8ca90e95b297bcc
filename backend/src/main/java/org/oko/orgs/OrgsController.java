package org.oko.orgs;

import java.util.List;
import org.oko.api.OrgsApi;
import org.oko.api.model.Municipality;
import org.oko.api.model.MunicipalityPage;
import org.oko.api.model.Organization;
import org.oko.api.model.OrganizationKind;
import org.oko.api.model.OrganizationPage;
import org.oko.api.model.Region;
import org.oko.api.model.RegionPage;
import org.oko.api.model.RegionTree;
import org.oko.api.model.RegionTreeNode;
import org.oko.orgs.OrgsQueries.OrganizationFilter;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The hierarchy, as far as the caller may see it ({@link Visibility}): lists are narrowed to the
 * caller's scope, and a foreign id or filter answers 404.
 */
@RestController
class OrgsController implements OrgsApi {

  private final OrgsQueries queries;

  OrgsController(OrgsQueries queries) {
    this.queries = queries;
  }

  @Override
  public Mono<ResponseEntity<RegionPage>> listRegions(
      Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return visibility()
        .flatMap(
            v ->
                Mono.zip(
                    queries.countRegions(v.regionCode()),
                    queries.regions(v.regionCode(), paging).collectList()))
        .map(t -> new RegionPage(page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Region>> getRegion(String regionCode, ServerWebExchange exchange) {
    return visibility().flatMap(v -> visibleRegion(v, regionCode)).map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<RegionTree>> getRegionTree(
      String regionCode, ServerWebExchange exchange) {
    return visibility()
        .filter(Visibility::coordinates)
        .switchIfEmpty(Mono.error(() -> new AccessDeniedException()))
        .flatMap(
            v ->
                visibleRegion(v, regionCode)
                    .flatMap(
                        region ->
                            Mono.zip(
                                    queries.municipalityNodes(regionCode),
                                    queries.withoutMunicipalityNode(regionCode))
                                .map(t -> narrow(v, region, t.getT1(), t.getT2()))))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<MunicipalityPage>> listMunicipalities(
      String regionCode, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return visibility()
        .flatMap(
            v -> {
              if (regionCode != null && !v.seesRegion(regionCode)) {
                return Mono.error(regionNotFound(regionCode));
              }
              if (v.withoutMunicipalityOnly()) {
                return Mono.just(new MunicipalityPage(page, size, 0L, 0, List.of()));
              }
              if (v.municipalityId() != null) {
                // A municipal coordinator or a school: its own municipality only.
                return queries
                    .municipality(v.municipalityId())
                    .map(m -> List.of(m))
                    .defaultIfEmpty(List.of())
                    .map(
                        own ->
                            new MunicipalityPage(
                                page,
                                size,
                                (long) own.size(),
                                paging.totalPages(own.size()),
                                paging.page() == 0 ? own : List.of()));
              }
              String region = regionCode != null ? regionCode : v.regionCode();
              return Mono.zip(
                      queries.countMunicipalities(region),
                      queries.municipalities(region, paging).collectList())
                  .map(
                      t ->
                          new MunicipalityPage(
                              page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()));
            })
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Municipality>> getMunicipality(
      Long municipalityId, ServerWebExchange exchange) {
    return visibility()
        .flatMap(v -> queries.municipality(municipalityId).filter(v::seesMunicipality))
        .switchIfEmpty(
            Mono.error(new NotFoundException("Муниципалитет " + municipalityId + " не найден")))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<OrganizationPage>> listOrganizations(
      String regionCode,
      Long municipalityId,
      Boolean withoutMunicipality,
      OrganizationKind kind,
      String q,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    boolean orphansOnly = Boolean.TRUE.equals(withoutMunicipality);
    if (orphansOnly && municipalityId != null) {
      return Mono.error(
          new InvalidRequestException(
              "withoutMunicipality", "нельзя сочетать с параметром «municipalityId»"));
    }
    var requested =
        new OrganizationFilter(
            regionCode,
            municipalityId,
            orphansOnly,
            null,
            kind == null ? null : kind.getValue(),
            q);
    Paging paging = new Paging(page, size);
    return visibility()
        .map(v -> narrow(v, requested))
        .flatMap(
            filter ->
                Mono.zip(
                    queries.countOrganizations(filter),
                    queries.organizations(filter, paging).collectList()))
        .map(
            t ->
                new OrganizationPage(
                    page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Organization>> getOrganization(
      Long organizationId, ServerWebExchange exchange) {
    return visibility()
        .flatMap(v -> queries.organization(organizationId).filter(v::seesOrganization))
        .switchIfEmpty(
            Mono.error(new NotFoundException("Организация " + organizationId + " не найдена")))
        .map(ResponseEntity::ok);
  }

  private static Mono<Visibility> visibility() {
    return CurrentCaller.get().map(Visibility::directoryOf);
  }

  private Mono<Region> visibleRegion(Visibility v, String regionCode) {
    return v.seesRegion(regionCode)
        ? queries.region(regionCode).switchIfEmpty(Mono.error(() -> regionNotFound(regionCode)))
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
  private static RegionTree narrow(
      Visibility v, Region region, List<RegionTreeNode> nodes, RegionTreeNode orphans) {
    if (v.withoutMunicipalityOnly()) {
      return new RegionTree(region, List.of(), orphans);
    }
    if (v.municipalityId() != null) {
      var own =
          nodes.stream().filter(n -> v.municipalityId().equals(n.getMunicipalityId())).toList();
      return new RegionTree(region, own, new RegionTreeNode(orphans.getName(), 0, List.of()));
    }
    return new RegionTree(region, nodes, orphans);
  }

  private static NotFoundException regionNotFound(String regionCode) {
    return new NotFoundException("Регион «" + regionCode + "» не найден");
  }
}
