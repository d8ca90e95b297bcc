package org.oko.orgs;

import java.util.ArrayList;
import java.util.List;
import org.oko.api.OrgsApi;
import org.oko.api.model.EducationLevel;
import org.oko.api.model.KindCount;
import org.oko.api.model.Municipality;
import org.oko.api.model.MunicipalityPage;
import org.oko.api.model.Organization;
import org.oko.api.model.OrganizationKind;
import org.oko.api.model.OrganizationPage;
import org.oko.api.model.Region;
import org.oko.api.model.RegionPage;
import org.oko.api.model.RegionTree;
import org.oko.api.model.RegionTreeNode;
import org.oko.api.model.SettlementType;
import org.oko.orgs.HierarchyService.Counted;
import org.oko.orgs.HierarchyStore.MunicipalityRow;
import org.oko.orgs.HierarchyStore.OrganizationFilter;
import org.oko.orgs.HierarchyStore.OrganizationRow;
import org.oko.orgs.HierarchyStore.RegionRow;
import org.oko.orgs.HierarchyStore.TreeNode;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The hierarchy, as far as the caller may see it ({@link HierarchyService}). */
@RestController
class OrgsController implements OrgsApi {

  private final HierarchyService hierarchy;

  OrgsController(HierarchyService hierarchy) {
    this.hierarchy = hierarchy;
  }

  @Override
  public Mono<ResponseEntity<RegionPage>> listRegions(
      Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.regions(caller, paging))
        .map(
            c ->
                new RegionPage(
                    page,
                    size,
                    c.total(),
                    paging.totalPages(c.total()),
                    c.items().stream().map(OrgsController::toApi).toList()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Region>> getRegion(String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.region(caller, regionCode))
        .map(r -> ResponseEntity.ok(toApi(r)));
  }

  @Override
  public Mono<ResponseEntity<RegionTree>> getRegionTree(
      String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.tree(caller, regionCode))
        .map(
            tree ->
                new RegionTree(
                    toApi(tree.region()),
                    tree.municipalities().stream().map(OrgsController::toApi).toList(),
                    toApi(tree.withoutMunicipality())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<MunicipalityPage>> listMunicipalities(
      String regionCode, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.municipalities(caller, regionCode, paging))
        .map(c -> municipalityPage(page, size, paging, c))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Municipality>> getMunicipality(
      Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.municipality(caller, municipalityId))
        .map(m -> ResponseEntity.ok(toApi(m)));
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
      String after,
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
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.organizations(caller, requested, paging, after))
        .map(
            c -> {
              String next = NextLinks.next(exchange, size, c.items(), OrganizationRow::login);
              OrganizationPage answer =
                  new OrganizationPage(
                          page,
                          size,
                          c.total(),
                          paging.totalPages(c.total()),
                          c.items().stream().map(OrgsController::toApi).toList())
                      .next(next);
              return ResponseEntity.ok().headers(NextLinks.header(next)).body(answer);
            });
  }

  @Override
  public Mono<ResponseEntity<Organization>> getOrganization(
      Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> hierarchy.organization(caller, organizationId))
        .map(o -> ResponseEntity.ok(toApi(o)));
  }

  private static MunicipalityPage municipalityPage(
      Integer page, Integer size, Paging paging, Counted<MunicipalityRow> c) {
    return new MunicipalityPage(
        page,
        size,
        c.total(),
        paging.totalPages(c.total()),
        c.items().stream().map(OrgsController::toApi).toList());
  }

  private static Region toApi(RegionRow r) {
    return new Region(r.code(), r.name(), r.timeZone(), r.municipalities(), r.organizations());
  }

  private static Municipality toApi(MunicipalityRow m) {
    return new Municipality(m.id(), m.regionCode(), m.name(), m.organizations());
  }

  private static RegionTreeNode toApi(TreeNode n) {
    List<KindCount> counts = new ArrayList<>();
    n.byKind()
        .forEach(k -> counts.add(new KindCount(OrganizationKind.fromValue(k.kind()), k.count())));
    RegionTreeNode node = new RegionTreeNode(n.name(), n.organizationCount(), counts);
    node.setMunicipalityId(n.municipalityId());
    return node;
  }

  private static Organization toApi(OrganizationRow r) {
    Organization o =
        new Organization(
            r.id(),
            r.login(),
            r.name(),
            OrganizationKind.fromValue(r.kind()),
            r.regionCode(),
            r.regionName(),
            SettlementType.fromValue(r.settlementType()),
            r.educationLevels().stream().map(EducationLevel::fromValue).toList(),
            r.address());
    o.setMunicipalityId(r.municipalityId());
    o.setMunicipalityName(r.municipalityName());
    return o;
  }
}
