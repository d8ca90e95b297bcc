package org.oko.campaigns;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes of campaigns and schedules. A viewer is a region and an organization (either may
 * be null): the stages come with the latest extension granted to either.
 */
@Component
class CampaignStore {

  /**
   * Who looks at a campaign, for extensions, visibility and the time zone.
   *
   * @param participating the only campaigns the viewer sees (an organization's, where it takes
   *     part); null when it sees its region's
   */
  record Viewer(String regionCode, Long organizationId, List<Long> participating, ZoneId zone) {}

  private static final String SELECT =
      """
      select c.id, c.kind, c.title, c.academic_year, c.subjects::text as subjects, c.version,
             c.created_at,
             array(select cr.region_code from campaign_region cr where cr.campaign_id = c.id
                   order by cr.region_code) as regions,
             (select coalesce(json_agg(json_build_object(
                        'code', s.code,
                        'opens', (extract(epoch from s.opens_at) * 1000)::bigint,
                        'closes', (extract(epoch from s.closes_at) * 1000)::bigint,
                        'extended', (select (extract(epoch from max(x.closes_at)) * 1000)::bigint
                                     from stage_extension x
                                     where x.campaign_id = c.id and x.stage_code = s.code
                                       and (x.region_code = :region or x.organization_id = :org)))
                      order by s.opens_at), '[]')
              from campaign_stage s where s.campaign_id = c.id)::text as stages,
             (select min(d.test_date) from organization_test_day d
               where d.campaign_id = c.id and d.organization_id = :org) as first_day,
             (select max(d.test_date) from organization_test_day d
               where d.campaign_id = c.id and d.organization_id = :org) as last_day
      from campaign c
      """;

  /**
   * Which campaigns a viewer sees: its region's; an organization only those it takes part in
   * ({@link CampaignParticipants}).
   */
  private static final String VISIBLE =
      """
       where (cast(:region as text) is null or exists (select 1 from campaign_region cr
              where cr.campaign_id = c.id and cr.region_code = :region))
         and (not :selectedOnly or c.id = any(:participating))
      """;

  private final DatabaseClient db;
  private final JsonMapper json;

  CampaignStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  Mono<CampaignRow> find(long id, Viewer viewer) {
    return bindViewer(db.sql(SELECT + VISIBLE + " and c.id = :id").bind("id", id), viewer)
        .map(r -> toRow(r, viewer.zone()))
        .one();
  }

  Flux<CampaignRow> list(Viewer viewer, CampaignInfo.Kind kind, Paging paging) {
    return bindViewer(
            db.sql(
                    SELECT
                        + VISIBLE
                        + " and (cast(:kind as text) is null or c.kind = :kind)"
                        + " order by c.created_at desc, c.id desc limit :limit offset :offset")
                .bind(
                    "kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class))
                .bind("limit", paging.size())
                .bind("offset", paging.offset()),
            viewer)
        .map(r -> toRow(r, viewer.zone()))
        .all();
  }

  Mono<Long> count(Viewer viewer, CampaignInfo.Kind kind) {
    return bindVisible(
            db.sql(
                    "select count(*) as n from campaign c"
                        + VISIBLE
                        + " and (cast(:kind as text) is null or c.kind = :kind)")
                .bind(
                    "kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class)),
            viewer)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /** The time zone of a region's capital; Moscow for everyone without a region. */
  Mono<ZoneId> zoneOf(String regionCode) {
    if (regionCode == null) {
      return Mono.just(ZoneId.of("Europe/Moscow"));
    }
    return db.sql("select time_zone from region where code = :code")
        .bind("code", regionCode)
        .map(r -> ZoneId.of(r.get("time_zone", String.class)))
        .one()
        .defaultIfEmpty(ZoneId.of("Europe/Moscow"));
  }

  Mono<Long> insert(
      CampaignInfo.Kind kind,
      String title,
      String academicYear,
      List<Subject> subjects,
      String createdBy,
      Instant now) {
    return db.sql(
            "insert into campaign (kind, title, academic_year, subjects, created_at, created_by)"
                + " values (:kind, :title, :year, :subjects, :now, :by) returning id")
        .bind("kind", kind.name())
        .bind("title", title)
        .bind("year", academicYear)
        .bind("subjects", Json.of(json.writeValueAsString(subjects)))
        .bind("now", now)
        .bind("by", createdBy)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Changes the campaign if {@code version} is current; emits whether it was. */
  Mono<Boolean> update(
      long id,
      long version,
      CampaignInfo.Kind kind,
      String title,
      String academicYear,
      List<Subject> subjects) {
    return db.sql(
            "update campaign set kind = :kind, title = :title, academic_year = :year,"
                + " subjects = :subjects, version = version + 1"
                + " where id = :id and version = :version")
        .bind("id", id)
        .bind("version", version)
        .bind("kind", kind.name())
        .bind("title", title)
        .bind("year", academicYear)
        .bind("subjects", Json.of(json.writeValueAsString(subjects)))
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  /** Takes the campaign's version for a change of its schedule; emits whether it was current. */
  Mono<Boolean> bumpVersion(long id, long version) {
    return db.sql("update campaign set version = version + 1 where id = :id and version = :version")
        .bind("id", id)
        .bind("version", version)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  Mono<Boolean> exists(long id) {
    return db.sql("select 1 from campaign where id = :id")
        .bind("id", id)
        .fetch()
        .first()
        .hasElement();
  }

  Mono<List<String>> unknownRegions(List<String> codes) {
    return db.sql(
            "select c from unnest(cast(:codes as text[])) c"
                + " where not exists (select 1 from region r where r.code = c)")
        .bind("codes", codes.toArray(String[]::new))
        .map(r -> r.get("c", String.class))
        .all()
        .collectList();
  }

  Mono<Void> replaceRegions(long id, List<String> codes) {
    return db.sql("delete from campaign_region where campaign_id = :id")
        .bind("id", id)
        .then()
        .then(
            db.sql(
                    "insert into campaign_region (campaign_id, region_code)"
                        + " select :id, c from unnest(cast(:codes as text[])) c")
                .bind("id", id)
                .bind("codes", codes.toArray(String[]::new))
                .then());
  }

  Mono<Void> replaceStages(long id, List<ScheduleChanged.Window> stages) {
    Mono<Void> inserts =
        Flux.fromIterable(stages)
            .concatMap(
                s ->
                    db.sql(
                            "insert into campaign_stage (campaign_id, code, opens_at, closes_at)"
                                + " values (:id, :code, :opens, :closes)")
                        .bind("id", id)
                        .bind("code", s.code())
                        .bind("opens", s.opensAt())
                        .bind("closes", s.closesAt())
                        .then())
            .then();
    return db.sql("delete from campaign_stage where campaign_id = :id")
        .bind("id", id)
        .then()
        .then(inserts);
  }

  /** The stage's own window, or empty when the schedule lacks it. */
  Mono<Instant> stageCloses(long id, Stage code) {
    return db.sql("select closes_at from campaign_stage where campaign_id = :id and code = :code")
        .bind("id", id)
        .bind("code", code.name())
        .map(r -> r.get("closes_at", Instant.class))
        .one();
  }

  /** Binds what {@link #SELECT} and {@link #VISIBLE} use. */
  private DatabaseClient.GenericExecuteSpec bindViewer(
      DatabaseClient.GenericExecuteSpec spec, Viewer viewer) {
    return bindVisible(spec, viewer)
        .bind("org", Parameter.fromOrEmpty(viewer.organizationId(), Long.class));
  }

  /** Binds what {@link #VISIBLE} uses. */
  private DatabaseClient.GenericExecuteSpec bindVisible(
      DatabaseClient.GenericExecuteSpec spec, Viewer viewer) {
    return spec.bind("region", Parameter.fromOrEmpty(viewer.regionCode(), String.class))
        .bind("selectedOnly", viewer.participating() != null)
        .bind(
            "participating",
            viewer.participating() == null
                ? new Long[0]
                : viewer.participating().toArray(Long[]::new));
  }

  private CampaignRow toRow(Readable r, ZoneId zone) {
    List<StageWindow> stages =
        Arrays.stream(json.readValue(r.get("stages", String.class), StoredStage[].class))
            .map(
                s ->
                    s.window(zone)
                        .forTestDays(
                            r.get("first_day", LocalDate.class),
                            r.get("last_day", LocalDate.class)))
            .toList();
    return new CampaignRow(
        r.get("id", Long.class),
        CampaignInfo.Kind.valueOf(r.get("kind", String.class)),
        r.get("title", String.class),
        r.get("academic_year", String.class),
        List.of(json.readValue(r.get("subjects", String.class), Subject[].class)),
        List.of(r.get("regions", String[].class)),
        stages,
        r.get("version", Long.class),
        r.get("created_at", Instant.class));
  }

  /** One stage as aggregated by {@link #SELECT}, in epoch milliseconds. */
  record StoredStage(String code, long opens, long closes, Long extended) {
    StageWindow window(ZoneId zone) {
      Instant close = Instant.ofEpochMilli(closes);
      Instant effective =
          extended != null && extended > closes ? Instant.ofEpochMilli(extended) : close;
      return new StageWindow(
          Stage.valueOf(code), Instant.ofEpochMilli(opens), close, effective, zone);
    }
  }
}
