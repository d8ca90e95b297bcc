package org.oko.results;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether an organization opened its statistical reports of a campaign (seed 000: monitoring of who
 * opened them), as other features may read it: the organization's page (issue 20).
 */
@Component
public class ReportOpeningDirectory {

  /** The first and last time the organization opened its reports, and how many times. */
  public record Opening(Instant firstOpenedAt, Instant lastOpenedAt, int opens) {}

  private final DatabaseClient db;

  ReportOpeningDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** Empty when the organization has not opened its reports. */
  public Mono<Opening> of(long campaignId, long organizationId) {
    return db.sql(
            "select first_opened_at, last_opened_at, opens from result_opening"
                + " where campaign_id = :campaign and organization_id = :organization")
        .bind("campaign", campaignId)
        .bind("organization", organizationId)
        .map(
            r ->
                new Opening(
                    r.get("first_opened_at", Instant.class),
                    r.get("last_opened_at", Instant.class),
                    r.get("opens", Integer.class)))
        .one();
  }
}
