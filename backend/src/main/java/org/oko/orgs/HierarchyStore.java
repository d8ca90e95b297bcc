package org.oko.orgs;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the hierarchy for its own pages: regions, municipalities, organizations, counts. */
@Component
class HierarchyStore {

  /** Filters of the organization search; null means "any". */
  record OrganizationFilter(
      String regionCode,
      Long municipalityId,
      boolean withoutMunicipality,
      Long organizationId,
      String kind,
      String q) {}

  /** A region with how many municipalities and organizations it has. */
  record RegionRow(
      String code, String name, String timeZone, int municipalities, int organizations) {}

  /** A municipality with how many organizations it has. */
  record MunicipalityRow(long id, String regionCode, String name, int organizations) {}

  /**
   * An organization as the directory shows it.
   *
   * @param kind SCHOOL, COLLEGE, ASSESSMENT_POINT or SCANNING_CENTRE
   * @param settlementType CITY, TOWN or VILLAGE
   * @param educationLevels PRIMARY, BASIC, SECONDARY, VOCATIONAL
   */
  record OrganizationRow(
      long id,
      String login,
      String name,
      String kind,
      String regionCode,
      String regionName,
      Long municipalityId,
      String municipalityName,
      String settlementType,
      List<String> educationLevels,
      String address) {}

  /** How many organizations of one kind. */
  record KindCount(String kind, int count) {}

  /**
   * One node of a region's tree: a municipality, or (with a null id) the region's organizations
   * that belong to none.
   */
  record TreeNode(Long municipalityId, String name, List<KindCount> byKind) {
    int organizationCount() {
      return byKind.stream().mapToInt(KindCount::count).sum();
    }
  }

  private static final String REGION_SELECT =
      "select r.code, r.name, r.time_zone,"
          + " (select count(*) from municipality m where m.region_code = r.code) as municipalities,"
          + " (select coalesce(sum(t.n), 0)::bigint from organization_tally t"
          + " where t.region_code = r.code) as organizations"
          + " from region r";

  private static final String MUNICIPALITY_SELECT =
      "select m.id, m.region_code, m.name,"
          + " (select coalesce(sum(t.n), 0)::bigint from organization_tally t"
          + " where t.region_code = m.region_code and t.municipality_key = m.id) as organizations"
          + " from municipality m";

  private static final String ORGANIZATION_SELECT =
      "select o.id, o.login, o.name, o.kind, o.region_code, r.name as region_name,"
          + " o.municipality_id, m.name as municipality_name, o.settlement_type,"
          + " o.education_levels, o.address"
          + " from organization o join region r on r.code = o.region_code"
          + " left join municipality m on m.id = o.municipality_id";

  private final DatabaseClient db;

  HierarchyStore(DatabaseClient db) {
    this.db = db;
  }

  /** {@code onlyCode} limits the list to one region; null lists all. */
  Mono<Long> countRegions(String onlyCode) {
    return whereRegion(
            db.sql(
                "select count(*) from region r"
                    + (onlyCode == null ? "" : " where r.code = :region")),
            onlyCode)
        .map(r -> r.get(0, Long.class))
        .one();
  }

  Flux<RegionRow> regions(String onlyCode, Paging paging) {
    String where = onlyCode == null ? "" : " where r.code = :region";
    return whereRegion(
            db.sql(REGION_SELECT + where + " order by r.code limit :limit offset :offset"),
            onlyCode)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(HierarchyStore::toRegion)
        .all();
  }

  Mono<RegionRow> region(String code) {
    return db.sql(REGION_SELECT + " where r.code = :code")
        .bind("code", code)
        .map(HierarchyStore::toRegion)
        .one();
  }

  Mono<Long> countMunicipalities(String regionCode) {
    return whereRegion(
            db.sql(
                "select count(*) from municipality m"
                    + (regionCode == null ? "" : " where m.region_code = :region")),
            regionCode)
        .map(r -> r.get(0, Long.class))
        .one();
  }

  Flux<MunicipalityRow> municipalities(String regionCode, Paging paging) {
    String where = regionCode == null ? "" : " where m.region_code = :region";
    return whereRegion(
            db.sql(
                MUNICIPALITY_SELECT
                    + where
                    + " order by m.region_code, m.name limit :limit offset :offset"),
            regionCode)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(HierarchyStore::toMunicipality)
        .all();
  }

  Mono<MunicipalityRow> municipality(long id) {
    return db.sql(MUNICIPALITY_SELECT + " where m.id = :id")
        .bind("id", id)
        .map(HierarchyStore::toMunicipality)
        .one();
  }

  /** The municipalities of a region with counts per kind, in name order. */
  Mono<List<TreeNode>> municipalityNodes(String regionCode) {
    return db.sql(
            "select m.id, m.name, t.kind, t.n from municipality m"
                + " left join organization_tally t on t.region_code = m.region_code"
                + " and t.municipality_key = m.id and t.n > 0"
                + " where m.region_code = :region order by m.name, t.kind")
        .bind("region", regionCode)
        .map(
            r ->
                new Object[] {
                  r.get("id", Long.class), r.get("name", String.class),
                  r.get("kind", String.class), r.get("n", Long.class)
                })
        .all()
        .collectList()
        .map(HierarchyStore::groupByMunicipality);
  }

  Mono<TreeNode> withoutMunicipalityNode(String regionCode) {
    return db.sql(
            "select kind, n from organization_tally"
                + " where region_code = :region and municipality_key = 0 and n > 0"
                + " order by kind")
        .bind("region", regionCode)
        .map(r -> kindCount(r.get("kind", String.class), r.get("n", Long.class)))
        .all()
        .collectList()
        .map(counts -> new TreeNode(null, "Без муниципалитета", counts));
  }

  /** Without a search text the tally answers; with one, the matching rows are counted. */
  Mono<Long> countOrganizations(OrganizationFilter filter) {
    boolean searching =
        (filter.q() != null && !filter.q().isBlank()) || filter.organizationId() != null;
    OrganizationSearchSql.Where where =
        searching
            ? OrganizationSearchSql.organizations(filter)
            : OrganizationSearchSql.tally(filter);
    String sql =
        searching
            ? "select count(*) from organization o" + where.sql()
            : "select coalesce(sum(t.n), 0)::bigint from organization_tally t" + where.sql();
    return where.bindTo(db.sql(sql)).map(r -> r.get(0, Long.class)).one();
  }

  /**
   * A page in login order: by number, or (keyset, {@code afterLogin} not null) the logins after
   * that one, which walks the login index however deep into the register it is.
   */
  Flux<OrganizationRow> organizations(OrganizationFilter filter, Paging paging, String afterLogin) {
    OrganizationSearchSql.Where where = OrganizationSearchSql.organizations(filter);
    String keyset =
        afterLogin == null ? "" : (where.sql().isEmpty() ? " where" : " and") + " o.login > :after";
    var spec =
        where
            .bindTo(
                db.sql(
                    ORGANIZATION_SELECT
                        + where.sql()
                        + keyset
                        + " order by o.login limit :limit offset :offset"))
            .bind("limit", paging.size())
            .bind("offset", afterLogin == null ? paging.offset() : 0L);
    if (afterLogin != null) {
      spec = spec.bind("after", afterLogin);
    }
    return spec.map(HierarchyStore::toOrganization).all();
  }

  Mono<OrganizationRow> organization(long id) {
    return db.sql(ORGANIZATION_SELECT + " where o.id = :id")
        .bind("id", id)
        .map(HierarchyStore::toOrganization)
        .one();
  }

  private DatabaseClient.GenericExecuteSpec whereRegion(
      DatabaseClient.GenericExecuteSpec spec, String regionCode) {
    return regionCode == null ? spec : spec.bind("region", regionCode);
  }

  private static List<TreeNode> groupByMunicipality(List<Object[]> rows) {
    Map<Long, TreeNode> nodes = new LinkedHashMap<>();
    for (Object[] row : rows) {
      TreeNode node =
          nodes.computeIfAbsent(
              (Long) row[0], id -> new TreeNode(id, (String) row[1], new ArrayList<>()));
      if (row[2] != null) {
        node.byKind().add(kindCount((String) row[2], (Long) row[3]));
      }
    }
    return nodes.values().stream()
        .map(n -> new TreeNode(n.municipalityId(), n.name(), List.copyOf(n.byKind())))
        .toList();
  }

  private static KindCount kindCount(String kind, Long count) {
    return new KindCount(kind, count.intValue());
  }

  private static RegionRow toRegion(Readable r) {
    return new RegionRow(
        r.get("code", String.class),
        r.get("name", String.class),
        r.get("time_zone", String.class),
        r.get("municipalities", Long.class).intValue(),
        r.get("organizations", Long.class).intValue());
  }

  private static MunicipalityRow toMunicipality(Readable r) {
    return new MunicipalityRow(
        r.get("id", Long.class),
        r.get("region_code", String.class),
        r.get("name", String.class),
        r.get("organizations", Long.class).intValue());
  }

  private static OrganizationRow toOrganization(Readable r) {
    String[] levels = r.get("education_levels", String[].class);
    return new OrganizationRow(
        r.get("id", Long.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("kind", String.class),
        r.get("region_code", String.class),
        r.get("region_name", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality_name", String.class),
        r.get("settlement_type", String.class),
        List.of(levels == null ? new String[0] : levels),
        r.get("address", String.class));
  }
}
