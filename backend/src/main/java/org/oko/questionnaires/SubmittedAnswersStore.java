package org.oko.questionnaires;

import java.time.Instant;
import java.util.UUID;
import org.oko.kits.KitCredentialDirectory;
import org.oko.orgs.ScopeCondition;
import org.oko.platform.excel.KeysetRows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The submitted questionnaires of a campaign, streamed in portions for the export. */
@Component
class SubmittedAnswersStore {

  private static final int FETCH_SIZE = 500;

  /** One submitted questionnaire as read. */
  record Submitted(
      UUID id,
      String regionCode,
      String zone,
      String point,
      String subjectKey,
      String category,
      long kit,
      Instant submittedAt,
      String answers) {}

  private final DatabaseClient db;

  SubmittedAnswersStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The submitted questionnaires of a campaign inside {@code scope}: for people in the order a
   * table is read (category, region, point, subject, kit); for machines ({@code bySession}) in
   * session order after {@code afterSession}, page by page ({@link KeysetRows}: each page walks
   * {@code questionnaire_session_submitted}, so the first line does not wait for a sort of the
   * whole campaign), so that an interrupted download resumes where it stopped.
   */
  Flux<Submitted> rows(
      long campaignId,
      String category,
      ScopeCondition scope,
      boolean bySession,
      UUID afterSession) {
    if (bySession) {
      return KeysetRows.of(
          afterSession, after -> query(campaignId, category, scope, true, after), Submitted::id);
    }
    return query(campaignId, category, scope, false, null);
  }

  private Flux<Submitted> query(
      long campaignId,
      String category,
      ScopeCondition scope,
      boolean bySession,
      UUID afterSession) {
    String order =
        bySession
            ? " and (cast(:after as uuid) is null or s.id > :after) order by s.id limit "
                + KeysetRows.PAGE
            : " order by d.category desc, s.region_code, o.login, s.subject_key, k.kit_number";
    var spec =
        db.sql(
            """
            select s.id, s.region_code, r.time_zone, o.login as point, s.subject_key, d.category,
                   k.kit_number, s.submitted_at, s.answers::text as answers
            from questionnaire_session s
            join questionnaire_definition d on d.id = s.questionnaire_id
            join organization o on o.id = s.organization_id
            join region r on r.code = s.region_code
            join %s k on k.login = s.login
            where s.campaign_id = :campaign and s.status = 'SUBMITTED'
              and (cast(:category as text) is null or d.category = :category)
            """
                    .formatted(KitCredentialDirectory.kits())
                + scope.and()
                + order);
    spec = scope.bind(spec);
    if (bySession) {
      spec = spec.bind("after", Parameter.fromOrEmpty(afterSession, UUID.class));
    }
    return spec.bind("campaign", campaignId)
        .bind("category", Parameter.fromOrEmpty(category, String.class))
        // Fetched in portions as the file is written, not the whole result at once.
        .filter((statement, next) -> next.execute(statement.fetchSize(FETCH_SIZE)))
        .map(
            r ->
                new Submitted(
                    r.get("id", UUID.class),
                    r.get("region_code", String.class),
                    r.get("time_zone", String.class),
                    r.get("point", String.class),
                    r.get("subject_key", String.class),
                    r.get("category", String.class),
                    r.get("kit_number", Long.class),
                    r.get("submitted_at", Instant.class),
                    r.get("answers", String.class)))
        .all();
  }
}
