package org.oko.observers;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Observers' visits to one organization in a campaign, as other features may read them (the
 * organization's page, issue 20): each assignment's day and activity, whether the observer marked
 * presence, and the act with whether it found violations. No observer's name or contacts.
 */
@Component
public class ObserverVisitDirectory {

  /** One assignment: the day, {@code CONDUCT} or {@code CHECKING}, presence and the act. */
  public record Visit(
      LocalDate day,
      String activity,
      Instant presentAt,
      Instant actSubmittedAt,
      Boolean violationsFound) {}

  private final DatabaseClient db;

  ObserverVisitDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** The organization's assignments in the campaign, by day. */
  public Flux<Visit> atOrganization(long campaignId, long organizationId) {
    return db.sql(
            """
            select a.day, a.activity, a.present_at, x.submitted_at, x.violations_found
            from observer_assignment a
            left join observer_act x on x.assignment_id = a.id
            where a.campaign_id = :campaign and a.organization_id = :organization
            order by a.day, a.id
            """)
        .bind("campaign", campaignId)
        .bind("organization", organizationId)
        .map(
            r ->
                new Visit(
                    r.get("day", LocalDate.class),
                    r.get("activity", String.class),
                    r.get("present_at", Instant.class),
                    r.get("submitted_at", Instant.class),
                    r.get("violations_found", Boolean.class)))
        .all();
  }
}
