package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.InvalidRequestException;
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

  /**
   * Where a keyset walk stands: the last kit received, by subject, kit number and organization (the
   * order of {@code after} pages), written {@code math:501230:1042}.
   */
  record Cursor(String subjectKey, long kitNumber, long organizationId) {

    private static final Pattern FORM =
        Pattern.compile("([a-z]{2,12}(?:-[0-9]{1,2})?):([0-9]{1,18}):([0-9]{1,18})");

    /** Before every kit: {@code after=0} starts a walk. */
    static final Cursor START = new Cursor("", Long.MIN_VALUE, Long.MIN_VALUE);

    /** The cursor of a value, null for none; a 400 for a value not of this form. */
    static Cursor parse(String value) {
      if (value == null) {
        return null;
      }
      if (value.equals("0")) {
        return START;
      }
      var m = FORM.matcher(value);
      if (!m.matches()) {
        throw new InvalidRequestException(
            "after",
            "after — это 0 (с начала) или последний комплект предыдущей страницы вида"
                + " «предмет:комплект:организация» (например math:501230:1042), а не «"
                + value
                + "»");
      }
      return new Cursor(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    static String of(Gap gap) {
      return gap.subjectKey() + ":" + gap.kitNumber() + ":" + gap.organization().id();
    }
  }

  /**
   * A page by number, by organization name, subject and kit; or (keyset, {@code after} not null)
   * the kits after that one by subject, kit number and organization, which a walk while sheets are
   * being accepted never repeats. The total is the whole set's either way.
   */
  Mono<Page> find(long campaignId, Scope scope, Paging paging, Cursor after) {
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
        select * from (
          select g.organization_id, g.subject_key, g.kit_number, g.expected, g.missing,
                 o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
                 count(*) over () as total
          from gaps g
          join organization o on o.id = g.organization_id
          left join municipality m on m.id = o.municipality_id
          where cardinality(g.missing) > 0
        ) x
        %s
        limit :limit offset :offset
        """
            .formatted(
                scope.caller().on("s").and(),
                after == null
                    ? "order by x.name, x.organization_id, x.subject_key, x.kit_number"
                    : "where (x.subject_key, x.kit_number, x.organization_id)"
                        + " > (:after_subject, :after_kit, :after_org)"
                        + " order by x.subject_key, x.kit_number, x.organization_id");
    var spec =
        scope
            .caller()
            .on("s")
            .bind(db.sql(sql))
            .bind("c", campaignId)
            .bind("region", Parameter.fromOrEmpty(scope.regionCode(), String.class))
            .bind("org", Parameter.fromOrEmpty(scope.organizationId(), Long.class))
            .bind("subject", Parameter.fromOrEmpty(scope.subjectKey(), String.class))
            .bind("limit", paging.size())
            .bind("offset", after == null ? paging.offset() : 0L);
    if (after != null) {
      spec =
          spec.bind("after_subject", after.subjectKey())
              .bind("after_kit", after.kitNumber())
              .bind("after_org", after.organizationId());
    }
    return spec.map(row -> new Object[] {toGap(row), row.get("total", Long.class)})
        .all()
        .collectList()
        .flatMap(
            rows ->
                rows.isEmpty() && (paging.offset() > 0 || after != null)
                    ? count(campaignId, scope).map(total -> new Page(List.of(), total))
                    : Mono.just(
                        new Page(
                            rows.stream().map(r -> (Gap) r[0]).toList(),
                            rows.isEmpty() ? 0 : (Long) rows.get(0)[1])));
  }

  /** The total alone, for a page past the end (where the window function sees no row). */
  private Mono<Long> count(long campaignId, Scope scope) {
    return find(campaignId, scope, new Paging(0, 1), null).map(Page::total);
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
