package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Kits with at least one current accepted (or later) page but fewer than the subject's scheme
 * expects: the works that cannot go to experts until the rest of their pages are scanned.
 */
@Component
class MissingPagesStore {

  private final DatabaseClient db;

  MissingPagesStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Which organizations to look at: the caller's scope, narrowed by optional filters (null: any).
   */
  record Scope(ScanScope caller, String regionCode, Long organizationId, String subjectKey) {}

  record Gap(
      OrganizationRef organization,
      String subjectKey,
      long kitNumber,
      List<Integer> missing,
      int pages) {

    String message() {
      return "Комплект "
          + kitNumber
          + ": нет "
          + (missing.size() == 1 ? "страницы " : "страниц ")
          + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + " из "
          + pages;
    }
  }

  record Page(List<Gap> items, long total) {}

  Mono<Page> find(long campaignId, Scope scope, Paging paging) {
    String sql =
        """
        with present as (
          select s.organization_id, s.subject_key, s.kit_number,
                 array_agg(distinct s.page) as pages
          from scan_sheet s join organization o on o.id = s.organization_id
          where s.campaign_id = :c
            and s.status in ('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED')
            and s.kit_number is not null and s.page is not null
            and (cast(:region as text) is null or s.region_code = :region)
            and (cast(:org as bigint) is null or s.organization_id = :org)
            and (cast(:subject as text) is null or s.subject_key = :subject)
            %s
          group by s.organization_id, s.subject_key, s.kit_number
        ), gaps as (
          select p.organization_id, p.subject_key, p.kit_number, sc.pages as expected,
                 array(select g from generate_series(1, sc.pages) g
                       where g <> all(p.pages) order by g) as missing
          from present p
          join scan_scheme sc on sc.campaign_id = :c and sc.subject_key = p.subject_key
        )
        select g.organization_id, g.subject_key, g.kit_number, g.expected, g.missing,
               o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
               count(*) over () as total
        from gaps g
        join organization o on o.id = g.organization_id
        left join municipality m on m.id = o.municipality_id
        where cardinality(g.missing) > 0
        order by o.name, o.id, g.subject_key, g.kit_number
        limit :limit offset :offset
        """
            .formatted(scope.caller().on("s").and());
    return scope
        .caller()
        .on("s")
        .bind(db.sql(sql))
        .bind("c", campaignId)
        .bind("region", Parameter.fromOrEmpty(scope.regionCode(), String.class))
        .bind("org", Parameter.fromOrEmpty(scope.organizationId(), Long.class))
        .bind("subject", Parameter.fromOrEmpty(scope.subjectKey(), String.class))
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(row -> new Object[] {toGap(row), row.get("total", Long.class)})
        .all()
        .collectList()
        .flatMap(
            rows ->
                rows.isEmpty() && paging.offset() > 0
                    ? count(campaignId, scope).map(total -> new Page(List.of(), total))
                    : Mono.just(
                        new Page(
                            rows.stream().map(r -> (Gap) r[0]).toList(),
                            rows.isEmpty() ? 0 : (Long) rows.get(0)[1])));
  }

  /** The total alone, for a page past the end (where the window function sees no row). */
  private Mono<Long> count(long campaignId, Scope scope) {
    return find(campaignId, scope, new Paging(0, 1)).map(Page::total);
  }

  private static Gap toGap(Readable row) {
    Integer[] missing = row.get("missing", Integer[].class);
    return new Gap(
        BatchStore.organizationOf(row),
        row.get("subject_key", String.class),
        row.get("kit_number", Long.class),
        Arrays.asList(missing),
        row.get("expected", Integer.class));
  }
}
