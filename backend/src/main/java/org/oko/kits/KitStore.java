package org.oko.kits;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.orgs.OrganizationReadModel;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes of kit ranges. */
@Component
class KitStore {

  /** A stored range with the point it is assigned to. */
  record Stored(
      long id,
      String subjectKey,
      String category,
      OrganizationRef organization,
      long first,
      long last,
      Instant assignedAt,
      String assignedBy) {}

  /** A candidate assessment point: what the checks need to know about an organization. */
  record Point(long id, String login, String kind, String regionCode) {}

  /**
   * A range to store.
   *
   * @param category TEACHER or METHODIST
   */
  record NewRange(long organizationId, String regionCode, String category, long first, long last) {

    long kits() {
      return last - first + 1;
    }
  }

  /** A stored range that overlaps the requested range at position {@code index}. */
  record Clash(int index, long first, long last, String login) {}

  /** Which ranges a list shows: the caller's scope, narrowed by the fields that are not null. */
  record Filter(String subjectKey, Visibility scope, Long organizationId) {

    ScopeCondition condition() {
      return scope.condition(ScopeCondition.Columns.ofRowsIn("k"));
    }
  }

  private static final String SELECT =
      """
      select k.id, k.subject_key, k.category, k.first_number, k.last_number, k.assigned_at, k.assigned_by,
             %s
      from kit_range k
      join organization o on o.id = k.organization_id
      left join municipality m on m.id = o.municipality_id
      where k.campaign_id = :campaign
      """
          .formatted(OrganizationReadModel.COLUMNS);

  private static final String FILTER =
      """
       and (cast(:subject as text) is null or k.subject_key = :subject)
       and (cast(:org as bigint) is null or k.organization_id = :org)
      """;

  private final DatabaseClient db;

  KitStore(DatabaseClient db) {
    this.db = db;
  }

  /** The organizations with these logins that exist. */
  Flux<Point> points(List<String> logins) {
    return db.sql("select id, login, kind, region_code from organization where login = any(:l)")
        .bind("l", logins.toArray(String[]::new))
        .map(
            r ->
                new Point(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("kind", String.class),
                    r.get("region_code", String.class)))
        .all();
  }

  /** Every stored range of the campaign's subject that overlaps one of these, by position. */
  Flux<Clash> clashes(long campaignId, String subjectKey, List<NewRange> ranges) {
    return db.sql(
            """
            select i.idx, k.first_number, k.last_number, o.login
            from unnest(cast(:firsts as bigint[]), cast(:lasts as bigint[]))
                 with ordinality as i(f, l, idx)
            join kit_range k on k.campaign_id = :campaign and k.subject_key = :subject
             and int8range(k.first_number, k.last_number, '[]') && int8range(least(i.f, i.l), greatest(i.f, i.l), '[]')
            join organization o on o.id = k.organization_id
            order by i.idx, k.first_number
            """)
        .bind("firsts", ranges.stream().map(NewRange::first).toArray(Long[]::new))
        .bind("lasts", ranges.stream().map(NewRange::last).toArray(Long[]::new))
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .map(
            r ->
                new Clash(
                    r.get("idx", Long.class).intValue() - 1,
                    r.get("first_number", Long.class),
                    r.get("last_number", Long.class),
                    r.get("login", String.class)))
        .all();
  }

  /** Stores the ranges; the ids in request order. */
  Flux<Long> insert(
      long campaignId, String subjectKey, List<NewRange> ranges, String by, Instant at) {
    return db.sql(
            """
            insert into kit_range (campaign_id, subject_key, organization_id, region_code,
                                   category, first_number, last_number, assigned_by, assigned_at)
            select :campaign, :subject, i.org, i.region, i.category, i.f, i.l, :by, :at
            from unnest(cast(:orgs as bigint[]), cast(:regions as text[]),
                        cast(:categories as text[]),
                        cast(:firsts as bigint[]), cast(:lasts as bigint[]))
                 with ordinality as i(org, region, category, f, l, idx)
            order by i.idx
            returning id
            """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("orgs", ranges.stream().map(NewRange::organizationId).toArray(Long[]::new))
        .bind("regions", ranges.stream().map(NewRange::regionCode).toArray(String[]::new))
        .bind("categories", ranges.stream().map(NewRange::category).toArray(String[]::new))
        .bind("firsts", ranges.stream().map(NewRange::first).toArray(Long[]::new))
        .bind("lasts", ranges.stream().map(NewRange::last).toArray(Long[]::new))
        .bind("by", by)
        .bind("at", at)
        .map(r -> r.get("id", Long.class))
        .all();
  }

  Flux<Stored> byIds(long campaignId, List<Long> ids) {
    return db.sql(SELECT + " and k.id = any(:ids) order by k.subject_key, k.first_number")
        .bind("campaign", campaignId)
        .bind("ids", ids.toArray(Long[]::new))
        .map(KitStore::toStored)
        .all();
  }

  /**
   * A page by number, ordered by subject, then first number; or (keyset, {@code afterId} not null)
   * the ranges after that id in id order, which a walk through a campaign whose ranges are being
   * assigned meanwhile never skips or repeats.
   */
  Flux<Stored> page(long campaignId, Filter filter, Paging paging, Long afterId) {
    String order =
        afterId == null
            ? " order by k.subject_key, k.first_number limit :limit offset :offset"
            : " and k.id > :after order by k.id limit :limit offset :offset";
    var spec =
        bind(db.sql(SELECT + FILTER + filter.condition().and() + order), campaignId, filter)
            .bind("limit", paging.size())
            .bind("offset", afterId == null ? paging.offset() : 0L);
    if (afterId != null) {
      spec = spec.bind("after", afterId);
    }
    return spec.map(KitStore::toStored).all();
  }

  /** How many ranges and how many kits in them. */
  Mono<long[]> count(long campaignId, Filter filter) {
    return bind(
            db.sql(
                "select count(*) as n,"
                    + " coalesce(sum(k.last_number - k.first_number + 1), 0)::bigint as kits"
                    + " from kit_range k join organization o on o.id = k.organization_id"
                    + " where k.campaign_id = :campaign"
                    + FILTER
                    + filter.condition().and()),
            campaignId,
            filter)
        .map(r -> new long[] {r.get("n", Long.class), r.get("kits", Long.class)})
        .one();
  }

  /** Whether a range was deleted. */
  Mono<Boolean> delete(long campaignId, long rangeId) {
    return db.sql("delete from kit_range where id = :id and campaign_id = :campaign")
        .bind("id", rangeId)
        .bind("campaign", campaignId)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /** The kind of the organization (SCHOOL, ASSESSMENT_POINT, …), empty if there is none. */
  Mono<String> kindOf(long organizationId) {
    return db.sql("select kind from organization where id = :id")
        .bind("id", organizationId)
        .map(r -> r.get("kind", String.class))
        .one();
  }

  /** Every kit number of the point for the subject, ascending. */
  Flux<Long> numbers(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            """
            select n from kit_range k, generate_series(k.first_number, k.last_number) as n
            where k.campaign_id = :campaign and k.subject_key = :subject
              and k.organization_id = :org
            order by n
            """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("org", organizationId)
        .map(r -> r.get("n", Long.class))
        .all();
  }

  private static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, long campaignId, Filter filter) {
    return filter
        .condition()
        .bind(spec)
        .bind("campaign", campaignId)
        .bind("subject", Parameter.fromOrEmpty(filter.subjectKey(), String.class))
        .bind("org", Parameter.fromOrEmpty(filter.organizationId(), Long.class));
  }

  private static Stored toStored(Readable r) {
    return new Stored(
        r.get("id", Long.class),
        r.get("subject_key", String.class),
        r.get("category", String.class),
        OrganizationReadModel.ref(r),
        r.get("first_number", Long.class),
        r.get("last_number", Long.class),
        r.get("assigned_at", Instant.class),
        r.get("assigned_by", String.class));
  }
}
