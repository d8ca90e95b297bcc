package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Acceptance of reports: the current decision per response, its history, counts and pages. */
@Component
class ApprovalStore {

  /** A response and its stored acceptance (both may be absent). */
  record Current(
      Long responseId,
      String status,
      long version,
      Instant submittedAt,
      String stored,
      String comment,
      String decidedBy,
      Instant decidedAt) {

    static final Current NONE = new Current(null, null, 0, null, null, null, null, null);

    ApprovalRules.State state() {
      return ApprovalRules.stateOf(status, stored);
    }
  }

  /** One decision of a report's history. */
  record Event(String action, String level, String comment, String by, Instant at) {}

  /** One organization of a page, with its report's acceptance. */
  record Row(
      long organizationId,
      String login,
      String name,
      String regionCode,
      Long municipalityId,
      String municipality,
      Current current) {}

  /** The counts of a form's reports by state, within a scope. */
  record Counts(long pending, long municipalityAccepted, long regionAccepted, long returned) {}

  /** Whether the form requires acceptance: its own setting, else on for results protocols. */
  private static final String REQUIRED =
      "coalesce(d.approval, d.subject_key is not null and d.respondent = 'ORGANIZATION')";

  private static final String STATE =
      """
      case when r.status = 'SUBMITTED'
                then case when a.state is null or a.state = 'RETURNED' then 'PENDING' else a.state end
           when a.state = 'RETURNED' then 'RETURNED' else 'NOT_SUBMITTED' end
      """;

  private final DatabaseClient db;

  ApprovalStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Boolean> required(long formId) {
    return db.sql("select " + REQUIRED + " as required from form_definition d where d.id = :id")
        .bind("id", formId)
        .map(r -> Boolean.TRUE.equals(r.get("required", Boolean.class)))
        .one()
        .defaultIfEmpty(false);
  }

  Mono<Void> setRequired(long formId, boolean required) {
    return db.sql("update form_definition set approval = :on where id = :id")
        .bind("id", formId)
        .bind("on", required)
        .then();
  }

  Mono<Current> current(long formId, long organizationId) {
    return db.sql(
            """
            select r.id, r.status, r.version, r.submitted_at, a.state, a.comment, a.decided_by,
                   a.decided_at
            from form_response r left join form_approval a on a.response_id = r.id
            where r.form_id = :form and r.organization_id = :org
            """)
        .bind("form", formId)
        .bind("org", organizationId)
        .map(ApprovalStore::toCurrent)
        .one()
        .defaultIfEmpty(Current.NONE);
  }

  /**
   * The acceptance of a response, its row locked for the rest of the transaction: a submission over
   * it and a decision on it ({@link #decide}, which locks the same row) go one after the other, so
   * a report is never accepted with content its coordinator did not see.
   */
  Mono<ApprovalRules.State> lockedState(long responseId) {
    return db.sql(
            """
            select r.status, a.state
            from form_response r left join form_approval a on a.response_id = r.id
            where r.id = :id
            for update of r
            """)
        .bind("id", responseId)
        .map(
            r -> ApprovalRules.stateOf(r.get("status", String.class), r.get("state", String.class)))
        .one()
        .defaultIfEmpty(ApprovalRules.State.NOT_SUBMITTED);
  }

  Flux<Event> history(long responseId) {
    return db.sql(
            "select action, level, comment, by_login, at from form_approval_event"
                + " where response_id = :id order by id")
        .bind("id", responseId)
        .map(
            r ->
                new Event(
                    r.get("action", String.class),
                    r.get("level", String.class),
                    r.get("comment", String.class),
                    r.get("by_login", String.class),
                    r.get("at", Instant.class)))
        .all();
  }

  /**
   * Stores the decision if the acceptance is still {@code expected} (null: none or a return, that
   * is pending) and the response still submitted; false when either changed meanwhile.
   */
  Mono<Boolean> decide(
      long responseId,
      long formId,
      ApprovalRules.State expected,
      ApprovalRules.State next,
      String comment,
      String by,
      Instant now) {
    boolean pending = expected == ApprovalRules.State.PENDING;
    String sql =
        """
        insert into form_approval (response_id, form_id, state, comment, decided_by, decided_at)
        select :id, :form, :state, :comment, :by, :now
        where exists (select 1 from form_response where id = :id and status = 'SUBMITTED'
                      for update)
        on conflict (response_id) do update set state = excluded.state,
            comment = excluded.comment, decided_by = excluded.decided_by,
            decided_at = excluded.decided_at
        where form_approval.state = any(:expected)
        """;
    String[] states = pending ? new String[] {"RETURNED"} : new String[] {expected.name()};
    var spec =
        db.sql(sql)
            .bind("id", responseId)
            .bind("form", formId)
            .bind("state", next.name())
            .bind("comment", Parameter.fromOrEmpty(comment, String.class))
            .bind("by", by)
            .bind("now", now)
            .bind("expected", states);
    // Not pending: the row exists (its state is what was read), so only the update applies.
    return spec.fetch().rowsUpdated().map(n -> n > 0);
  }

  Mono<Void> event(
      long responseId,
      ApprovalRules.Action action,
      ApprovalRules.Level level,
      String comment,
      String by,
      Instant now) {
    return db.sql(
            "insert into form_approval_event (response_id, action, level, comment, by_login, at)"
                + " values (:id, :action, :level, :comment, :by, :now)")
        .bind("id", responseId)
        .bind("action", action.name())
        .bind("level", level.name())
        .bind("comment", Parameter.fromOrEmpty(comment, String.class))
        .bind("by", by)
        .bind("now", now)
        .then();
  }

  /** The counts of the form's reports by state, within the scope. */
  Mono<Counts> counts(long formId, Visibility scope) {
    ScopeCondition where = scope.condition();
    var spec =
        db.sql(
            "with s as (select "
                + STATE
                + " as state from form_response r"
                + " join organization o on o.id = r.organization_id"
                + " left join form_approval a on a.response_id = r.id"
                + " where r.form_id = :form and ("
                + where.sql()
                + "))"
                + " select count(*) filter (where state = 'PENDING') as pending,"
                + " count(*) filter (where state = 'MUNICIPALITY_ACCEPTED') as municipality,"
                + " count(*) filter (where state = 'REGION_ACCEPTED') as region,"
                + " count(*) filter (where state = 'RETURNED') as returned from s");
    spec = where.bind(spec).bind("form", formId);
    return spec.map(
            r ->
                new Counts(
                    r.get("pending", Long.class),
                    r.get("municipality", Long.class),
                    r.get("region", Long.class),
                    r.get("returned", Long.class)))
        .one();
  }

  /** The organizations with a submitted or returned report, by login, of one state when given. */
  Mono<List<Row>> page(long formId, Visibility scope, String state, long offset, int limit) {
    ScopeCondition where = scope.condition();
    var spec =
        db.sql(
            "select * from (select o.id as org_id, o.login, o.name, o.region_code,"
                + " o.municipality_id, m.name as municipality, r.id, r.status, r.version,"
                + " r.submitted_at, a.state, a.comment, a.decided_by, a.decided_at, "
                + STATE
                + " as effective from form_response r"
                + " join organization o on o.id = r.organization_id"
                + " left join municipality m on m.id = o.municipality_id"
                + " left join form_approval a on a.response_id = r.id"
                + " where r.form_id = :form and ("
                + where.sql()
                + ")) x where x.effective <> 'NOT_SUBMITTED'"
                + " and (cast(:wanted as text) is null or x.effective = :wanted)"
                + " order by x.login limit :limit offset :offset");
    spec =
        where
            .bind(spec)
            .bind("form", formId)
            .bind("wanted", Parameter.fromOrEmpty(state, String.class))
            .bind("limit", limit)
            .bind("offset", offset);
    return spec.map(
            r ->
                new Row(
                    r.get("org_id", Long.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("municipality", String.class),
                    toCurrent(r)))
        .all()
        .collectList();
  }

  private static Current toCurrent(Readable r) {
    return new Current(
        r.get("id", Long.class),
        r.get("status", String.class),
        r.get("version", Long.class),
        r.get("submitted_at", Instant.class),
        r.get("state", String.class),
        r.get("comment", String.class),
        r.get("decided_by", String.class),
        r.get("decided_at", Instant.class));
  }
}
