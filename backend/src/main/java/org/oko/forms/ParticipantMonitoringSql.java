package org.oko.forms;

import org.oko.orgs.Visibility;
import org.oko.sample.SampleParticipants;

/**
 * The monitoring of a form of organizations without counting a country's schools on every page
 * (issue 24, part 3): the totals are summed from two stored tallies per place (region and
 * municipality or none, kind of organization) — the sample's participants and their responses by
 * status (V62) — and a page by number is cut place by place. Each place's count of matching lines
 * is known, so the places are walked in the list's first order (the municipality's name) to the few
 * that hold the page, and only their schools are read, by the index {@code organization_by_place}
 * in login order: a page costs the places of the part plus its own municipalities' schools, the
 * last page as much as the first. Same lines, order and totals as the join it replaces (one row per
 * participant, its response if any).
 */
final class ParticipantMonitoringSql {

  /**
   * {@code placed}: per place of the caller's part, the participants not started, with a draft,
   * submitted, and those of the asked status ({@code matching}); {@code totals}: their sums. The
   * scope ({@code %2$s}) is drawn on the tallies' region and municipality.
   */
  private static final String PLACES =
      """
      placed as (
        select c.region_code, c.municipality_id, m.name as municipality, c.not_started,
               c.draft, c.submitted,
               case cast(:status as text) when 'NOT_STARTED' then c.not_started
                    when 'DRAFT' then c.draft when 'SUBMITTED' then c.submitted
                    else c.not_started + c.draft + c.submitted end as matching
        from (
          select p.region_code, p.municipality_id,
                 p.participants - coalesce(a.draft, 0) - coalesce(a.submitted, 0) as not_started,
                 coalesce(a.draft, 0) as draft, coalesce(a.submitted, 0) as submitted
          from (select t.region_code, t.municipality_id, sum(t.participants) as participants
                from %1$s t
                where t.campaign_id = :campaign and t.kind = any(:kinds)%2$s
                group by 1, 2) p
          left join (select t.region_code, t.municipality_id,
                            sum(t.responses) filter (where t.status = 'DRAFT') as draft,
                            sum(t.responses) filter (where t.status = 'SUBMITTED') as submitted
                     from form_response_tally t
                     where t.form_id = :form and t.kind = any(:kinds)%2$s
                     group by 1, 2) a
                 on a.region_code = p.region_code
                and a.municipality_id is not distinct from p.municipality_id
        ) c
        left join municipality m on m.id = c.municipality_id
      ),
      totals as (
        select cast(coalesce(sum(not_started), 0) as bigint) as not_started,
               cast(coalesce(sum(draft), 0) as bigint) as draft,
               cast(coalesce(sum(submitted), 0) as bigint) as submitted,
               cast(coalesce(sum(matching), 0) as bigint) as matching
        from placed
      )\
      """;

  /** A participant's line: the organization {@code o}, its response {@code r} if any. */
  private static final String LINE =
      """
      o.id, o.login, o.name, o.region_code, o.municipality_id, %s as municipality,
      r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
      g.time_zone\
      """;

  private static final String MATCHES =
      "(cast(:status as text) is null or coalesce(r.status, 'NOT_STARTED') = :status)";

  /**
   * A page by number. {@code chosen}: the municipality names (null last, the list's first order)
   * whose lines overlap the page, with how many matching lines come before each; the page is cut
   * from their schools, skipping what comes before it in the first of them.
   */
  private static final String BY_NUMBER =
      """
      with %1$s,
      chosen as (
        select municipality, before from (
          select municipality, n,
                 coalesce(sum(n) over (order by municipality nulls last
                                       rows between unbounded preceding and 1 preceding), 0)
                   as before
          from (select municipality, sum(matching) as n from placed
                group by municipality having sum(matching) > 0) g
        ) g
        where before < :offset + :limit and before + n > :offset
      ),
      page as (
        select %2$s
        from placed p
        join chosen c on c.municipality is not distinct from p.municipality
        cross join lateral (
          select * from organization x
          where x.region_code = p.region_code and x.municipality_id = p.municipality_id
          union all
          select * from organization x
          where x.region_code = p.region_code and %5$s and %6$s
        ) o
        join %3$s e on e.campaign_id = :campaign and e.organization_id = o.id
        join region g on g.code = o.region_code
        left join form_response r on r.form_id = :form and r.organization_id = o.id
        where p.matching > 0 and o.kind = any(:kinds) and %4$s
        order by p.municipality nulls last, o.login
        limit :limit
        offset :offset - (select cast(coalesce(min(before), 0) as bigint) from chosen)
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id
      """;

  /**
   * The participants after an organization id, in id order (keyset, the export's batches): the
   * sample's primary key read in order from {@code :after} until the page is full.
   */
  private static final String AFTER =
      """
      with %1$s,
      page as (
        select %2$s
        from %3$s e
        join organization o on o.id = e.organization_id
        join region g on g.code = o.region_code
        left join municipality m on m.id = o.municipality_id
        left join form_response r on r.form_id = :form and r.organization_id = o.id
        where e.campaign_id = :campaign and e.organization_id > :after
          and o.kind = any(:kinds)%5$s and %4$s
        order by e.organization_id
        limit :limit
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.id
      """;

  private ParticipantMonitoringSql() {}

  /**
   * A page by number.
   *
   * @param onTallies the caller's part drawn on a tally {@code t}
   */
  static String byNumber(String onTallies) {
    return BY_NUMBER.formatted(
        PLACES.formatted(SampleParticipants.tally(), onTallies),
        LINE.formatted("p.municipality"),
        SampleParticipants.relation(),
        MATCHES,
        Visibility.underNoMunicipality("x.municipality_id"),
        Visibility.underNoMunicipality("p.municipality_id"));
  }

  /**
   * A page after an organization id.
   *
   * @param onTallies the caller's part drawn on a tally {@code t}
   * @param onOrganizations the same part drawn on the organization {@code o}
   */
  static String after(String onTallies, String onOrganizations) {
    return AFTER.formatted(
        PLACES.formatted(SampleParticipants.tally(), onTallies),
        LINE.formatted("m.name"),
        SampleParticipants.relation(),
        MATCHES,
        onOrganizations);
  }
}
