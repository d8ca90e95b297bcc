package org.oko.results;

import io.r2dbc.spi.Readable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.results.ReportViews.UnitRow;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reads of reports: units (orgs' read model), tallies, tables of units. */
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

  static Unit organizationUnit(Readable r) {
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

  /**
   * The tallies of these units in one statement, by {@code LEVEL|unit}; absent units omitted. Each
   * unit is looked up by the primary key ({@code lateral}): written as {@code (level, unit) in
   * (select … unnest …)} the statement read far more than the four rows — on a country of 40 000
   * schools the country report took 90 ms (median), and 12.5 ms written so (docs/benchmarks.md,
   * «Results»).
   */
  Mono<Map<String, Tally>> tallies(long campaign, String subject, List<Unit> units) {
    String[] levels = units.stream().map(u -> u.level().name()).toArray(String[]::new);
    String[] ids = units.stream().map(Unit::id).toArray(String[]::new);
    return db.sql(
            "select t.level, t.unit, "
                + TALLY
                + " from unnest(cast(:levels as text[]), cast(:units as text[])) as u(level, unit)"
                + " cross join lateral (select * from result_tally t"
                + " where t.campaign_id = :c and t.subject_key = :s"
                + " and t.level = u.level and t.unit = u.unit) t")
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
}
