package org.oko.kits;

import java.util.List;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Kit assignments made by the system itself (the demo data), bypassing the request checks: the
 * caller vouches for the point and the numbers; the exclusion constraint still refuses overlaps.
 * Every kit gets its questionnaire credential, as when the federal organizer assigns it.
 */
@Component
public class KitsAdmin {

  private final KitAssignmentService assignments;
  private final OrganizationDirectory organizations;

  KitsAdmin(KitAssignmentService assignments, OrganizationDirectory organizations) {
    this.assignments = assignments;
    this.organizations = organizations;
  }

  /** Assigns kits {@code first}–{@code last} of the subject to the organization, for teachers. */
  public Mono<Void> assign(
      long campaignId, String subjectKey, long organizationId, long first, long last, String by) {
    return assign(campaignId, subjectKey, Category.TEACHER, organizationId, first, last, by);
  }

  /** Assigns kits {@code first}–{@code last} of the subject to the organization. */
  public Mono<Void> assign(
      long campaignId,
      String subjectKey,
      Category category,
      long organizationId,
      long first,
      long last,
      String by) {
    return organizations
        .byId(organizationId)
        .map(OrganizationRef::regionCode)
        .flatMap(
            region ->
                assignments.store(
                    campaignId,
                    subjectKey,
                    List.of(
                        new KitStore.NewRange(
                            organizationId, region, category.name(), first, last)),
                    by))
        .then();
  }
}
