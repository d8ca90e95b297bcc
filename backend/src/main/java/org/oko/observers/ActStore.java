package org.oko.observers;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What observers file: acts and their reviews (the scope's lists and the archive's content), and
 * the rows of new notes and files. Tables {@code observer_act}, {@code observer_note}, {@code
 * observer_file}; the reads of notes are {@link NoteStore}, of files {@link ObserverFileStore}.
 */
@Component
class ActStore {

  /** The point is {@code o}: the scope is drawn on it (with the act's own region and point). */
  private static final String ACT_SELECT =
      """
      select x.id, x.assignment_id, x.campaign_id, x.violations_found, x.violations, x.remarks,
             x.submitted_at, x.reviewed_at, x.with_violations, x.review_comment, x.deadline, x.late,
             a.day, ob.full_name, ob.login as observer_login, ob.kind as observer_kind,
             o.id as p_id, o.login as p_login, o.name as p_name, o.region_code as p_region,
             o.municipality_id as p_mun, m.name as p_mun_name, r.time_zone,
             f.id as f_id, f.blob_key, f.file_name, f.content_type, f.size, f.uploaded_at,
             array(select w.form_title from observer_protocol w
                   where w.assignment_id = x.assignment_id order by w.form_title) as witnessed
      from observer_act x
      join observer_assignment a on a.id = x.assignment_id
      join observer ob on ob.id = a.observer_id
      join organization o on o.id = x.organization_id
      left join municipality m on m.id = o.municipality_id
      join region r on r.code = x.region_code
      left join observer_file f on f.act_id = x.id
      """;

  private static final String ACT_FILTER =
      """
       where x.campaign_id = :campaign
         and (cast(:violations as boolean) is null or x.with_violations = :violations)
      """;

  private final DatabaseClient db;

  ActStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<ActInfo> actOf(long assignmentId) {
    return db.sql(ACT_SELECT + " where x.assignment_id = :a")
        .bind("a", assignmentId)
        .map(ActStore::toAct)
        .one();
  }

  Mono<ActInfo> act(long actId) {
    return db.sql(ACT_SELECT + " where x.id = :id").bind("id", actId).map(ActStore::toAct).one();
  }

  /** Creates or rewrites the act of an assignment (while not reviewed); answers its id. */
  Mono<Long> saveAct(
      AssignmentInfo assignment,
      boolean violationsFound,
      String violations,
      String remarks,
      Instant now,
      Deadline deadline) {
    return db.sql(
            """
            insert into observer_act (assignment_id, campaign_id, organization_id, region_code,
                violations_found, violations, remarks, submitted_at, deadline, late)
            values (:a, :campaign, :org, :region, :found, :violations, :remarks, :now, :deadline,
                :late)
            on conflict (assignment_id) do update set violations_found = excluded.violations_found,
                violations = excluded.violations, remarks = excluded.remarks,
                submitted_at = excluded.submitted_at, deadline = excluded.deadline,
                late = excluded.late
              where observer_act.reviewed_at is null
            returning id
            """)
        .bind("a", assignment.id())
        .bind("campaign", assignment.campaignId())
        .bind("org", assignment.point().id())
        .bind("region", assignment.point().regionCode())
        .bind("found", violationsFound)
        .bind("violations", Parameter.fromOrEmpty(violations, String.class))
        .bind("remarks", Parameter.fromOrEmpty(remarks, String.class))
        .bind("now", now)
        .bind("deadline", Parameter.fromOrEmpty(deadline.at(), Instant.class))
        .bind("late", deadline.passedAt(now))
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Records the review once; false if it had been reviewed already. */
  Mono<Boolean> review(long actId, boolean withViolations, String comment, String by, Instant now) {
    return db.sql(
            """
            update observer_act set reviewed_at = :now, reviewed_by = :by,
                with_violations = :violations, review_comment = :comment
            where id = :id and reviewed_at is null
            """)
        .bind("id", actId)
        .bind("now", now)
        .bind("by", by)
        .bind("violations", withViolations)
        .bind("comment", Parameter.fromOrEmpty(comment, String.class))
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Mono<Long> countActs(long campaignId, Boolean withViolations, Visibility scope) {
    ScopeCondition condition = condition(scope);
    return bind(
            db.sql(
                "select count(*) as n from observer_act x"
                    + " join organization o on o.id = x.organization_id"
                    + ACT_FILTER
                    + condition.and()),
            campaignId,
            withViolations,
            condition)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<ActInfo> acts(long campaignId, Boolean withViolations, Visibility scope, Paging paging) {
    ScopeCondition condition = condition(scope);
    return bind(
            db.sql(
                ACT_SELECT
                    + ACT_FILTER
                    + condition.and()
                    + " order by x.reviewed_at is not null, a.day, o.login, x.id"
                    + " limit :limit offset :offset"),
            campaignId,
            withViolations,
            condition)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(ActStore::toAct)
        .all();
  }

  /** The reviewed acts marked with violations in a scope, for the archive (at most 10 000). */
  Flux<ActInfo> actsWithViolations(long campaignId, Visibility scope) {
    ScopeCondition condition = condition(scope);
    return bind(
            db.sql(
                ACT_SELECT
                    + ACT_FILTER
                    + " and x.reviewed_at is not null"
                    + condition.and()
                    + " order by m.name nulls first, o.login, a.day, x.id limit 10000"),
            campaignId,
            true,
            condition)
        .map(ActStore::toAct)
        .all();
  }

  private static ScopeCondition condition(Visibility scope) {
    return scope.condition(ScopeCondition.Columns.ofRowsIn("x"));
  }

  private static GenericExecuteSpec bind(
      GenericExecuteSpec spec, long campaignId, Boolean withViolations, ScopeCondition condition) {
    return condition.bind(
        spec.bind("campaign", campaignId)
            .bind("violations", Parameter.fromOrEmpty(withViolations, Boolean.class)));
  }

  private static ActInfo toAct(Readable r) {
    Long fileId = r.get("f_id", Long.class);
    long actId = r.get("id", Long.class);
    long assignmentId = r.get("assignment_id", Long.class);
    FileInfo scan =
        fileId == null
            ? null
            : new FileInfo(
                fileId,
                assignmentId,
                null,
                actId,
                r.get("blob_key", String.class),
                r.get("file_name", String.class),
                r.get("content_type", String.class),
                r.get("size", Long.class),
                r.get("uploaded_at", Instant.class));
    return new ActInfo(
        actId,
        assignmentId,
        r.get("campaign_id", Long.class),
        ObserverStore.ref(r, "p_"),
        r.get("full_name", String.class),
        r.get("observer_login", String.class),
        ObserverInfo.Kind.valueOf(r.get("observer_kind", String.class)),
        r.get("day", LocalDate.class),
        Boolean.TRUE.equals(r.get("violations_found", Boolean.class)),
        r.get("violations", String.class),
        r.get("remarks", String.class),
        r.get("submitted_at", Instant.class),
        scan,
        r.get("reviewed_at", Instant.class),
        r.get("with_violations", Boolean.class),
        r.get("review_comment", String.class),
        r.get("time_zone", String.class),
        List.of(r.get("witnessed", String[].class)),
        r.get("deadline", Instant.class),
        Boolean.TRUE.equals(r.get("late", Boolean.class)));
  }
}
