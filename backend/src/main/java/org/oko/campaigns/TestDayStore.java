package org.oko.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes of organizations' test days ({@code organization_test_day}). */
@Component
class TestDayStore {

  /** One subject's day as stored, with who chose it and when. */
  record Stored(String subjectKey, LocalDate date, String chosenBy, Instant chosenAt) {}

  private final DatabaseClient db;

  TestDayStore(DatabaseClient db) {
    this.db = db;
  }

  Flux<Stored> list(long campaignId, long organizationId) {
    return db.sql(
            """
            select subject_key, test_date, chosen_by, chosen_at from organization_test_day
             where campaign_id = :campaign and organization_id = :org
             order by test_date, subject_key
            """)
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(
            r ->
                new Stored(
                    r.get("subject_key", String.class),
                    r.get("test_date", LocalDate.class),
                    r.get("chosen_by", String.class),
                    r.get("chosen_at", Instant.class)))
        .all();
  }

  /** Replaces the organization's whole set of days; run inside the caller's transaction. */
  Mono<Void> replace(
      long campaignId, long organizationId, List<ChosenDays.Day> days, String by, Instant at) {
    Mono<Void> delete =
        db.sql(
                "delete from organization_test_day"
                    + " where campaign_id = :campaign and organization_id = :org")
            .bind("campaign", campaignId)
            .bind("org", organizationId)
            .then();
    Flux<Long> inserts =
        Flux.fromIterable(days)
            .concatMap(
                day ->
                    db.sql(
                            """
                            insert into organization_test_day
                              (campaign_id, organization_id, subject_key, test_date, chosen_by,
                               chosen_at)
                            values (:campaign, :org, :subject, :date, :by, :at)
                            """)
                        .bind("campaign", campaignId)
                        .bind("org", organizationId)
                        .bind("subject", day.subjectKey())
                        .bind("date", day.date())
                        .bind("by", by)
                        .bind("at", at)
                        .fetch()
                        .rowsUpdated());
    return delete.thenMany(inserts).then();
  }
}
