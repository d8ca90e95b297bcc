package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.oko.forms.FormAccess.VisibleForm;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.InvalidRequestException;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which respondents of a form in the caller's part have not started, have a draft or submitted: the
 * organizations the published sample selected (of the form's kinds), or the municipalities of the
 * campaign's regions, each with its response if any. One SQL statement per page, the totals coming
 * along with it: for organizations from stored tallies ({@link ParticipantMonitoringSql}), for
 * municipalities (a few thousand) counted.
 */
@Component
class FormMonitoringStore {

  /**
   * The municipalities of the campaign's regions, and per region one more line, its organizations
   * without a municipality (the responsible coordinator's part, seed 003 11.4), where the sample
   * selected such an organization. The caller's scope is drawn on {@code p} afterwards.
   */
  private static final String MUNICIPALITIES =
      """
      select p.* from (
        select cast(null as bigint) as id, cast(null as text) as login, m.name, m.region_code,
               m.id as municipality_id, m.name as municipality,
               r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions,
               g.time_zone
        from %1$s cr
        join municipality m on m.region_code = cr.region_code
        join region g on g.code = m.region_code
        left join form_response r on r.form_id = :form and r.municipality_id = m.id
        where cr.campaign_id = :campaign
        union all
        select cast(null as bigint), cast(null as text), g.name || ': %3$s', g.code,
               cast(null as bigint), cast(null as text),
               r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0), g.time_zone
        from %1$s cr
        join region g on g.code = cr.region_code
        left join form_response r on r.form_id = :form and r.region_code = g.code
             and r.organization_id is null and %4$s
        where cr.campaign_id = :campaign
          and exists (select 1 from %2$s e join organization o on o.id = e.organization_id
                      where e.campaign_id = :campaign and o.region_code = g.code
                        and %5$s and o.kind = any(:kinds))
      ) p
      where true
      """
          .formatted(
              CampaignReadModel.regions(),
              SampleParticipants.relation(),
              RespondentStore.WITHOUT_MUNICIPALITY,
              Visibility.underNoMunicipality("r.municipality_id"),
              Visibility.underNoMunicipality("o.municipality_id"));

  private static final String PAGE =
      """
      with part as (%s),
      totals as (
        select count(*) filter (where status is null) as not_started,
               count(*) filter (where status = 'DRAFT') as draft,
               count(*) filter (where status = 'SUBMITTED') as submitted,
               count(*) filter (where cast(:status as text) is null
                                      or coalesce(status, 'NOT_STARTED') = :status) as matching
        from part
      ),
      page as (
        select * from part
        where (cast(:status as text) is null or coalesce(status, 'NOT_STARTED') = :status)
        order by municipality nulls last, login nulls first, municipality_id
        limit :limit offset :offset
      )
      select t.not_started, t.draft, t.submitted, t.matching, page.*
      from totals t left join page on true
      order by page.municipality nulls last, page.login nulls first, page.municipality_id
      """;

  /**
   * One respondent's line, with its region's time zone for the export.
   *
   * @param updatedAt when its response last changed, or null when not started
   * @param submittedAt when it last submitted, or null
   */
  record Line(
      Respondent respondent,
      ResponseStatus status,
      int submissions,
      Instant updatedAt,
      Instant submittedAt,
      ZoneId zone) {}

  /** The totals and the lines of a page (or of everything, for the export). */
  record Result(long notStarted, long draft, long submitted, long matching, List<Line> lines) {}

  private final DatabaseClient db;

  FormMonitoringStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The respondents of the form in {@code part}, of the status if given; a page of them by number,
   * or (keyset, {@code afterId} not null) the organizations after that id in id order.
   */
  Mono<Result> query(
      VisibleForm vf,
      Visibility part,
      ResponseStatus status,
      int limit,
      long offset,
      Long afterId) {
    boolean byOrganizations = vf.form().byOrganizations();
    if (afterId != null && !byOrganizations) {
      return Mono.error(
          new InvalidRequestException(
              "after",
              "Постраничный обход по after есть только у форм организаций; форму муниципалитетов"
                  + " листайте по номерам страниц (page)."));
    }
    var spec = db.sql(byOrganizations ? participants(part, afterId) : municipalities(part));
    spec = part.condition().bind(spec);
    spec = afterId == null ? spec.bind("offset", offset) : spec.bind("after", afterId);
    return spec.bind("form", vf.form().id())
        .bind("campaign", vf.campaign().id())
        .bind("kinds", vf.form().kindsIn(vf.campaign()).toArray(String[]::new))
        .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
        .bind("limit", limit)
        .map(r -> new Fetched(totals(r), line(r, byOrganizations)))
        .all()
        .collectList()
        .map(FormMonitoringStore::result);
  }

  /**
   * A form of organizations: the totals from the stored tallies, the page place by place or after
   * an id ({@link ParticipantMonitoringSql}). The part is a coordinator's (a region, a municipality
   * or a region's organizations without one), drawn on the tallies' places as on the schools'.
   */
  private static String participants(Visibility part, Long afterId) {
    if (!part.coordinates()) {
      throw new IllegalStateException("monitoring is a coordinator's: " + part);
    }
    String onTallies =
        part.condition(new ScopeCondition.Columns("t.region_code", "t.municipality_id", "null"))
            .and();
    return afterId == null
        ? ParticipantMonitoringSql.byNumber(onTallies)
        : ParticipantMonitoringSql.after(onTallies, part.condition().and());
  }

  /** A form of municipalities (a page by number only): a few thousand lines, counted. */
  private static String municipalities(Visibility part) {
    ScopeCondition scope =
        part.condition(new ScopeCondition.Columns("p.region_code", "p.municipality_id", "p.id"));
    return PAGE.formatted(MUNICIPALITIES + scope.and());
  }

  /** One row of the statement: the totals (on every row) and a line (none past the last page). */
  private record Fetched(long[] totals, Line line) {}

  private static Result result(List<Fetched> rows) {
    long[] t = rows.get(0).totals();
    List<Line> lines = rows.stream().map(Fetched::line).filter(l -> l != null).toList();
    return new Result(t[0], t[1], t[2], t[3], lines);
  }

  private static long[] totals(Readable r) {
    return new long[] {
      r.get("not_started", Long.class),
      r.get("draft", Long.class),
      r.get("submitted", Long.class),
      r.get("matching", Long.class)
    };
  }

  private static Line line(Readable r, boolean byOrganizations) {
    String name = r.get("name", String.class);
    if (name == null) {
      return null; // a page past the end: the totals alone
    }
    Respondent respondent =
        new Respondent(
            byOrganizations ? RespondentKind.ORGANIZATION : RespondentKind.MUNICIPALITY,
            r.get("id", Long.class),
            r.get("login", String.class),
            r.get("municipality_id", Long.class),
            name,
            r.get("region_code", String.class),
            r.get("municipality", String.class));
    return new Line(
        respondent,
        ResponseStatus.of(r.get("status", String.class)),
        r.get("submissions", Integer.class),
        r.get("updated_at", Instant.class),
        r.get("submitted_at", Instant.class),
        ZoneId.of(r.get("time_zone", String.class)));
  }
}
