package org.oko.results;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The ОМК works the results hold ({@code result_work}) and the criteria their events carried. */
@Component
class ExpertScoreStore {

  private final DatabaseClient db;

  ExpertScoreStore(DatabaseClient db) {
    this.db = db;
  }

  /** When the decision the results hold of the work was taken; empty when none is held. */
  Mono<Instant> decidedAt(long campaignId, String subjectKey, long kitNumber) {
    return db.sql(
            "select decided_at from result_work where campaign_id = :c and subject_key = :s"
                + " and kit_number = :k")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("k", kitNumber)
        .map(r -> r.get("decided_at", Instant.class))
        .one();
  }

  Mono<Void> putWork(
      long campaignId, String subjectKey, long kitNumber, long organizationId, Instant decidedAt) {
    return db.sql(
            """
            insert into result_work (campaign_id, subject_key, kit_number, organization_id,
                                     decided_at)
            values (:c, :s, :k, :o, :at)
            on conflict (campaign_id, subject_key, kit_number) do update
              set organization_id = excluded.organization_id, decided_at = excluded.decided_at
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("k", kitNumber)
        .bind("o", organizationId)
        .bind("at", decidedAt)
        .then();
  }

  /** Records the scheme's criteria as the latest event carried them. */
  Mono<Void> putCriteria(long campaignId, String subjectKey, String[] codes, Integer[] maxima) {
    return db.sql(
            """
            insert into result_criteria (campaign_id, subject_key, codes, maxima)
            values (:c, :s, :codes, :maxima)
            on conflict (campaign_id, subject_key) do update
              set codes = excluded.codes, maxima = excluded.maxima
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("codes", codes)
        .bind("maxima", maxima)
        .then();
  }
}
