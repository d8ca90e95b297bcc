package org.oko.scans;

import java.time.Instant;
import java.util.List;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and lists the answer-sheet schemes ({@code scan_scheme}); {@link SchemeDirectory} reads
 * one.
 */
@Component
class SchemeStore {

  private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {};

  private final DatabaseClient db;
  private final JsonMapper json;

  SchemeStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** A stored scheme with when it last changed. */
  record Stored(Scheme scheme, Instant updatedAt) {}

  /** Every scheme of the campaign, by subject. */
  Flux<Stored> list(long campaignId) {
    return db.sql(
            "select subject_key, pages, criteria::text as criteria, second_scoring_percent,"
                + " discrepancy_threshold, updated_at from scan_scheme where campaign_id = :c"
                + " order by subject_key")
        .bind("c", campaignId)
        .map(
            row ->
                new Stored(
                    new Scheme(
                        campaignId,
                        row.get("subject_key", String.class),
                        row.get("pages", Integer.class),
                        json.readValue(row.get("criteria", String.class), CRITERIA),
                        row.get("second_scoring_percent", Integer.class),
                        row.get("discrepancy_threshold", Integer.class)),
                    row.get("updated_at", Instant.class)))
        .all();
  }

  /** Waits for any other change of the subject's scheme; call it in a transaction. */
  Mono<Void> lock(long campaignId, String subjectKey) {
    return db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .bind("key", "scan_scheme/" + campaignId + "/" + subjectKey)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** When the stored scheme last changed. */
  Mono<Instant> updatedAt(Scheme scheme) {
    return db.sql("select updated_at from scan_scheme where campaign_id = :c and subject_key = :s")
        .bind("c", scheme.campaignId())
        .bind("s", scheme.subjectKey())
        .map(r -> r.get("updated_at", Instant.class))
        .one();
  }

  /** Stores the scheme, in place of the subject's previous one. */
  Mono<Void> upsert(Scheme scheme, String login, Instant now) {
    String criteria = json.writeValueAsString(scheme.criteria());
    return db.sql(
            "insert into scan_scheme (campaign_id, subject_key, pages, criteria,"
                + " second_scoring_percent, discrepancy_threshold, updated_at, updated_by)"
                + " values (:c, :s, :pages, cast(:criteria as jsonb), :second, :threshold, :now,"
                + " :by) on conflict (campaign_id, subject_key) do update set pages ="
                + " excluded.pages, criteria = excluded.criteria, second_scoring_percent ="
                + " excluded.second_scoring_percent, discrepancy_threshold ="
                + " excluded.discrepancy_threshold, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by")
        .bind("c", scheme.campaignId())
        .bind("s", scheme.subjectKey())
        .bind("pages", scheme.pages())
        .bind("criteria", criteria)
        .bind("second", scheme.secondScoringPercent())
        .bind("threshold", scheme.discrepancyThreshold())
        .bind("now", now)
        .bind("by", login)
        .then();
  }
}
