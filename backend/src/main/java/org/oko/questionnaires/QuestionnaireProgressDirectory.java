package org.oko.questionnaires;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * How far one organization's participants are with their questionnaires, for the organization's
 * page (issue 20), from the sessions' tally (V60). Scope checks are the caller's job.
 */
@Component
public class QuestionnaireProgressDirectory {

  /** Sessions of a subject begun and not submitted, and submitted. */
  public record SubjectSessions(String subjectKey, long started, long submitted) {}

  private final DatabaseClient db;

  QuestionnaireProgressDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** Per subject with any session, by subject key. */
  public Flux<SubjectSessions> ofOrganization(long campaignId, long organizationId) {
    return db.sql(
            """
            select subject_key,
                   cast(coalesce(sum(sessions) filter (where status = 'STARTED'), 0) as bigint)
                       as started,
                   cast(coalesce(sum(sessions) filter (where status = 'SUBMITTED'), 0) as bigint)
                       as submitted
            from questionnaire_session_tally
            where campaign_id = :campaign and organization_id = :org
            group by subject_key having sum(sessions) > 0 order by subject_key
            """)
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(
            r ->
                new SubjectSessions(
                    r.get("subject_key", String.class),
                    r.get("started", Long.class),
                    r.get("submitted", Long.class)))
        .all();
  }
}
