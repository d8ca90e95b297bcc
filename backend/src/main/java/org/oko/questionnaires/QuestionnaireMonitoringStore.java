package org.oko.questionnaires;

import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The counts of sessions monitoring needs, read from their tally ({@code
 * questionnaire_session_tally}: per point, subject and status, kept by triggers in the transaction
 * of every session's start and submission, V60) — a few thousand rows at a country's size instead
 * of a million sessions.
 */
@Component
class QuestionnaireMonitoringStore {

  /** How many sessions of a point have a status. */
  record SessionCount(long organizationId, String status, long sessions) {

    boolean submitted() {
      return "SUBMITTED".equals(status);
    }
  }

  private final DatabaseClient db;

  QuestionnaireMonitoringStore(DatabaseClient db) {
    this.db = db;
  }

  /** Sessions per point and status, of a subject and a region when given (null for all). */
  Flux<SessionCount> sessionsPerPoint(long campaignId, String subjectKey, String regionCode) {
    return db.sql(
            """
            select organization_id, status, cast(sum(sessions) as bigint) as n
            from questionnaire_session_tally
            where campaign_id = :campaign
              and (cast(:subject as text) is null or subject_key = :subject)
              and (cast(:region as text) is null or region_code = :region)
            group by organization_id, status
            having sum(sessions) > 0
            """)
        .bind("campaign", campaignId)
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .map(
            r ->
                new SessionCount(
                    r.get("organization_id", Long.class),
                    r.get("status", String.class),
                    r.get("n", Long.class)))
        .all();
  }

  /** Every region's name, by code. */
  Mono<Map<String, String>> regionNames() {
    return db.sql("select code, name from region")
        .map(r -> Map.entry(r.get("code", String.class), r.get("name", String.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }
}
