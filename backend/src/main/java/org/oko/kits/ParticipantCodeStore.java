package org.oko.kits;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ВПР participant codes (table {@code participant_code}): numbered per campaign, the code is
 * the number plus 1 000 000, so seven digits and unique in the campaign.
 */
@Component
class ParticipantCodeStore {

  /** Keeps the advisory lock of one campaign's numbering apart from other locks. */
  private static final long LOCK_SPACE = 0x50434F4400000000L;

  private final DatabaseClient db;

  ParticipantCodeStore(DatabaseClient db) {
    this.db = db;
  }

  /** Serializes the numbering of a campaign's codes until the transaction ends. */
  Mono<Void> lockNumbering(long campaignId) {
    return db.sql("select pg_advisory_xact_lock(:key)")
        .bind("key", LOCK_SPACE ^ campaignId)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** The school's codes of the subject, in the order they were issued. */
  Flux<String> codes(long campaignId, long organizationId, String subjectKey) {
    return db.sql(
            """
            select code from participant_code
            where campaign_id = :campaign and organization_id = :org and subject_key = :subject
            order by number
            """)
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .bind("subject", subjectKey)
        .map(row -> row.get("code", String.class))
        .all();
  }

  /** Adds {@code count} codes after the campaign's last number; call with the numbering locked. */
  Mono<Long> add(
      long campaignId,
      long organizationId,
      String subjectKey,
      int count,
      String issuedBy,
      Instant at) {
    return db.sql(
            """
            insert into participant_code
              (campaign_id, number, code, organization_id, subject_key, issued_by, issued_at)
            select :campaign, m.last + g, cast(1000000 + m.last + g as text), :org, :subject,
                   :by, :at
            from (select coalesce(max(number), 0) as last from participant_code
                  where campaign_id = :campaign) m
            cross join generate_series(1, :count) g
            """)
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .bind("subject", subjectKey)
        .bind("by", issuedBy)
        .bind("at", at)
        .bind("count", count)
        .fetch()
        .rowsUpdated();
  }
}
