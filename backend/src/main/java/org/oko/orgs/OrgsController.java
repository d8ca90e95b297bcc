package org.oko.orgs;

import org.oko.api.OrgsApi;
import org.oko.api.model.Municipality;
import org.oko.api.model.MunicipalityPage;
import org.oko.api.model.Organization;
import org.oko.api.model.OrganizationKind;
import org.oko.api.model.OrganizationPage;
import org.oko.api.model.Region;
import org.oko.api.model.RegionPage;
import org.oko.api.model.RegionTree;
import org.oko.orgs.OrgsQueries.OrganizationFilter;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

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
    return Mono.zip(queries.countRegions(), queries.regions(paging).collectList())
        .map(t -> new RegionPage(page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Region>> getRegion(String regionCode, ServerWebExchange exchange) {
    return existingRegion(regionCode).map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<RegionTree>> getRegionTree(
      String regionCode, ServerWebExchange exchange) {
    return existingRegion(regionCode)
        .flatMap(
            region ->
                Mono.zip(
                        queries.municipalityNodes(regionCode),
                        queries.withoutMunicipalityNode(regionCode))
                    .map(t -> new RegionTree(region, t.getT1(), t.getT2())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<MunicipalityPage>> listMunicipalities(
      String regionCode, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return Mono.zip(
            queries.countMunicipalities(regionCode),
            queries.municipalities(regionCode, paging).collectList())
        .map(
            t ->
                new MunicipalityPage(
                    page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Municipality>> getMunicipality(
      Long municipalityId, ServerWebExchange exchange) {
    return queries
        .municipality(municipalityId)
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
    var filter =
        new OrganizationFilter(
            regionCode, municipalityId, orphansOnly, kind == null ? null : kind.getValue(), q);
    Paging paging = new Paging(page, size);
    return Mono.zip(
            queries.countOrganizations(filter), queries.organizations(filter, paging).collectList())
        .map(
            t ->
                new OrganizationPage(
                    page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Organization>> getOrganization(
      Long organizationId, ServerWebExchange exchange) {
    return queries
        .organization(organizationId)
        .switchIfEmpty(
            Mono.error(new NotFoundException("Организация " + organizationId + " не найдена")))
        .map(ResponseEntity::ok);
  }

  private Mono<Region> existingRegion(String regionCode) {
    return queries
        .region(regionCode)
        .switchIfEmpty(Mono.error(new NotFoundException("Регион «" + regionCode + "» не найден")));
  }
}
