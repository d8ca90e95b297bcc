package org.oko.results;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.oko.results.ReportViews.Opening;
import org.oko.results.ReportViews.Release;
import org.oko.results.ReportViews.UnitRow;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reads of reports: units, tallies, tables of units, releases, openings. */
@Component
class ReportStore {

  private static final String TALLY = TallyStore.TALLY_COLUMNS.replaceAll("(\\w+)", "t.$1");

  private final DatabaseClient db;

  ReportStore(DatabaseClient db) {
    this.db = db;
  }

  // --- units (orgs' read model)

  Mono<Unit> organization(long id) {
    return db.sql(
            "select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mname"
                + " from organization o left join municipality m on m.id = o.municipality_id"
                + " where o.id = :id")
        .bind("id", id)
        .map(ReportStore::organizationUnit)
        .one();
  }

  /** The municipality if the scope sees it. */
  Mono<Unit> municipality(long id, Visibility scope) {
    ScopeCondition in = scope.municipalityCondition("m.region_code", "m.id");
    return in.bind(
            db.sql(
                    "select m.id, m.name, m.region_code from municipality m where m.id = :id"
                        + in.and())
                .bind("id", id))
        .map(
            r ->
                new Unit(
                    Level.MUNICIPALITY,
                    r.get("id", Long.class).toString(),
                    r.get("name", String.class),
                    null,
                    r.get("region_code", String.class),
                    r.get("id", Long.class),
                    r.get("name", String.class)))
        .one();
  }

  Mono<Unit> region(String code) {
    return db.sql("select code, name from region where code = :c")
        .bind("c", code)
        .map(
            r ->
                new Unit(
                    Level.REGION,
                    r.get("code", String.class),
                    r.get("name", String.class),
                    null,
                    r.get("code", String.class),
                    null,
                    null))
        .one();
  }

  private static Unit organizationUnit(Readable r) {
    return new Unit(
        Level.ORGANIZATION,
        r.get("id", Long.class).toString(),
        r.get("name", String.class),
        r.get("login", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("mname", String.class));
  }

  // --- tallies

  Mono<Tally> tally(long campaign, String subject, Level level, String unit) {
    return db.sql(
            "select "
                + TALLY
                + " from result_tally t where t.campaign_id = :c and t.subject_key = :s"
                + " and t.level = :l and t.unit = :u")
        .bind("c", campaign)
        .bind("s", subject)
        .bind("l", level.name())
        .bind("u", unit)
        .map(TallyStore::tally)
        .one();
  }

  /** The tallies of these units in one statement, by {@code LEVEL|unit}; absent units omitted. */
  Mono<Map<String, Tally>> tallies(long campaign, String subject, List<Unit> units) {
    String[] levels = units.stream().map(u -> u.level().name()).toArray(String[]::new);
    String[] ids = units.stream().map(Unit::id).toArray(String[]::new);
    return db.sql(
            "select t.level, t.unit, "
                + TALLY
                + " from result_tally t where t.campaign_id = :c and t.subject_key = :s"
                + " and (t.level, t.unit) in (select * from unnest(cast(:levels as text[]),"
                + " cast(:units as text[])))")
        .bind("c", campaign)
        .bind("s", subject)
        .bind("levels", levels)
        .bind("units", ids)
        .map(
            r ->
                Map.entry(
                    r.get("level", String.class) + "|" + r.get("unit", String.class),
                    TallyStore.tally(r)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  /** Every region's tally of the subject, by region code. */
  Mono<Map<String, Tally>> regionTallies(long campaign, String subject) {
    return db.sql(
            "select t.unit, "
                + TALLY
                + " from result_tally t where t.campaign_id = :c and t.subject_key = :s"
                + " and t.level = 'REGION'")
        .bind("c", campaign)
        .bind("s", subject)
        .map(r -> Map.entry(r.get("unit", String.class), TallyStore.tally(r)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  /**
   * The rows of a table of units: {@code rows} under the parent ({@code parentRegion} / {@code
   * parentMunicipality}, both null for the country), inside the scope.
   */
  Flux<UnitRow> rows(
      long campaign,
      String subject,
      Level rows,
      String parentRegion,
      Long parentMunicipality,
      Visibility scope) {
    String parent =
        (parentRegion == null ? "" : " and t.region_code = :pr")
            + (parentMunicipality == null ? "" : " and t.municipality_id = :pm");
    String sql;
    ScopeCondition in;
    switch (rows) {
      case ORGANIZATION -> {
        in = scope.condition(ScopeCondition.Columns.ofRowsIn("t"));
        sql =
            "select t.unit, o.id, o.login, o.name, o.region_code, o.municipality_id,"
                + " m.name as mname, t.flags, "
                + TALLY
                + " from result_tally t join organization o on o.id = t.organization_id"
                + " left join municipality m on m.id = o.municipality_id"
                + " where t.campaign_id = :c and t.subject_key = :s and t.level = 'ORGANIZATION'"
                + parent
                + in.and();
      }
      case MUNICIPALITY -> {
        in = scope.municipalityCondition("t.region_code", "t.municipality_id");
        sql =
            "select t.unit, m.id, m.name, m.region_code, "
                + TALLY
                + " from result_tally t join municipality m on m.id = t.municipality_id"
                + " where t.campaign_id = :c and t.subject_key = :s and t.level = 'MUNICIPALITY'"
                + parent
                + in.and();
      }
      default -> {
        in = new ScopeCondition("true", Map.of());
        sql =
            "select t.unit, r.code, r.name, "
                + TALLY
                + " from result_tally t join region r on r.code = t.unit"
                + " where t.campaign_id = :c and t.subject_key = :s and t.level = 'REGION'"
                + parent;
      }
    }
    GenericExecuteSpec spec = db.sql(sql).bind("c", campaign).bind("s", subject);
    if (parentRegion != null) {
      spec = spec.bind("pr", parentRegion);
    }
    if (parentMunicipality != null) {
      spec = spec.bind("pm", parentMunicipality);
    }
    return in.bind(spec)
        .map(
            r -> {
              Unit unit =
                  switch (rows) {
                    case ORGANIZATION -> organizationUnit(r);
                    case MUNICIPALITY ->
                        new Unit(
                            Level.MUNICIPALITY,
                            r.get("id", Long.class).toString(),
                            r.get("name", String.class),
                            null,
                            r.get("region_code", String.class),
                            r.get("id", Long.class),
                            r.get("name", String.class));
                    default ->
                        new Unit(
                            Level.REGION,
                            r.get("code", String.class),
                            r.get("name", String.class),
                            null,
                            r.get("code", String.class),
                            null,
                            null);
                  };
              return new UnitRow(unit, TallyStore.tally(r), storedFlags(r, rows), 0);
            })
        .all();
  }

  /** An organization row's raised signs as stored with its tally (none yet: none). */
  private static List<FlagCode> storedFlags(Readable r, Level rows) {
    String[] codes = rows == Level.ORGANIZATION ? r.get("flags", String[].class) : null;
    return codes == null ? List.of() : Stream.of(codes).map(FlagCode::valueOf).toList();
  }

  // --- participants

  Mono<Long> countParticipants(long campaign, String subject, long organization) {
    return db.sql(
            "select count(*) as n from result_participant where campaign_id = :c"
                + " and subject_key = :s and organization_id = :o")
        .bind("c", campaign)
        .bind("s", subject)
        .bind("o", organization)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<Participant> participants(long campaign, String subject, long organization, Paging page) {
    return db.sql(
            "select code, class_letter, variant, scores, total, grade, journal_grade"
                + " from result_participant where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o order by class_letter, code limit :l offset :off")
        .bind("c", campaign)
        .bind("s", subject)
        .bind("o", organization)
        .bind("l", page.size())
        .bind("off", page.offset())
        .map(ResultsStore::participant)
        .all();
  }

  // --- releases

  Mono<Boolean> released(long campaign, String region) {
    return db.sql(
            "select exists (select 1 from result_release where campaign_id = :c"
                + " and region_code = :r) as x")
        .bind("c", campaign)
        .bind("r", region)
        .map(r -> r.get("x", Boolean.class))
        .one();
  }

  /** Records a region's release; true when it was not released before. */
  Mono<Boolean> release(long campaign, String region, Instant at, String by) {
    return db.sql(
            "insert into result_release (campaign_id, region_code, released_at, released_by)"
                + " values (:c, :r, :at, :by) on conflict do nothing")
        .bind("c", campaign)
        .bind("r", region)
        .bind("at", at)
        .bind("by", by)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Flux<Release> releases(long campaign, String onlyRegion) {
    return db.sql(
            "select x.region_code, r.name, r.time_zone, x.released_at, x.released_by"
                + " from result_release x join region r on r.code = x.region_code"
                + " where x.campaign_id = :c"
                + (onlyRegion == null ? "" : " and x.region_code = :r")
                + " order by x.region_code")
        .bind("c", campaign)
        .bindValues(onlyRegion == null ? Map.of() : Map.of("r", onlyRegion))
        .map(
            r ->
                new Release(
                    r.get("region_code", String.class),
                    r.get("name", String.class),
                    r.get("released_at", Instant.class),
                    r.get("released_by", String.class),
                    r.get("time_zone", String.class)))
        .all();
  }

  // --- openings

  Mono<Void> recordOpening(long campaign, long organization, String region, Instant at) {
    return db.sql(
            """
            insert into result_opening (campaign_id, organization_id, region_code, first_opened_at,
                last_opened_at, opens) values (:c, :o, :r, :at, :at, 1)
            on conflict (campaign_id, organization_id) do update set
                last_opened_at = excluded.last_opened_at, opens = result_opening.opens + 1
            """)
        .bind("c", campaign)
        .bind("o", organization)
        .bind("r", region)
        .bind("at", at)
        .then();
  }

  private static final String OPENINGS_FROM =
      " from (select distinct organization_id from result_tally where campaign_id = :c"
          + " and level = 'ORGANIZATION') t"
          + " join organization o on o.id = t.organization_id"
          + " left join municipality m on m.id = o.municipality_id"
          + " join region r on r.code = o.region_code"
          + " left join result_opening op on op.campaign_id = :c"
          + " and op.organization_id = o.id"
          + " where true";

  Mono<long[]> openingCounts(
      long campaign, String region, Long municipality, Boolean opened, Visibility scope) {
    ScopeCondition in = scope.condition();
    return bindFilters(
            db.sql(
                "select count(*) as total, count(op.organization_id) as opened"
                    + OPENINGS_FROM
                    + filters(region, municipality, opened)
                    + in.and()),
            campaign,
            region,
            municipality,
            in)
        .map(r -> new long[] {r.get("total", Long.class), r.get("opened", Long.class)})
        .one();
  }

  Flux<Opening> openings(
      long campaign,
      String region,
      Long municipality,
      Boolean opened,
      Visibility scope,
      Paging page) {
    ScopeCondition in = scope.condition();
    return bindFilters(
            db.sql(
                "select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as mname,"
                    + " r.time_zone, op.first_opened_at, op.last_opened_at,"
                    + " coalesce(op.opens, 0) as opens"
                    + OPENINGS_FROM
                    + filters(region, municipality, opened)
                    + in.and()
                    + " order by o.region_code, m.name nulls last, o.login limit :l offset :off"),
            campaign,
            region,
            municipality,
            in)
        .bind("l", page.size())
        .bind("off", page.offset())
        .map(
            r ->
                new Opening(
                    organizationUnit(r),
                    r.get("first_opened_at", Instant.class),
                    r.get("last_opened_at", Instant.class),
                    r.get("opens", Integer.class),
                    r.get("time_zone", String.class)))
        .all();
  }

  private static String filters(String region, Long municipality, Boolean opened) {
    return (region == null ? "" : " and o.region_code = :fr")
        + (municipality == null ? "" : " and o.municipality_id = :fm")
        + (opened == null
            ? ""
            : opened ? " and op.organization_id is not null" : " and op.organization_id is null");
  }

  private static GenericExecuteSpec bindFilters(
      GenericExecuteSpec spec, long campaign, String region, Long municipality, ScopeCondition in) {
    GenericExecuteSpec s = spec.bind("c", campaign);
    if (region != null) {
      s = s.bind("fr", region);
    }
    if (municipality != null) {
      s = s.bind("fm", municipality);
    }
    return in.bind(s);
  }

  static Parameter nullable(Object value, Class<?> type) {
    return Parameter.fromOrEmpty(value, type);
  }
}
