package org.oko.observers;

import java.time.Instant;
import org.oko.orgs.OrganizationRef;

/**
 * An observer of a campaign: a public observer's candidate proposed by an organization, or an
 * independent observer appointed by the region.
 *
 * @param proposedBy the organization that proposed a public observer (its scope); null otherwise
 * @param workplaceOrganization where an independent observer works, if it is in the hierarchy
 * @param login the observer's account, once issued
 */
record ObserverInfo(
    long id,
    long campaignId,
    Kind kind,
    Status status,
    String fullName,
    String phone,
    String email,
    String workplace,
    OrganizationRef workplaceOrganization,
    OrganizationRef proposedBy,
    String regionCode,
    String login,
    String rejectionReason,
    int assignments,
    Instant createdAt) {

  enum Kind {
    PUBLIC,
    INDEPENDENT
  }

  enum Status {
    PROPOSED,
    ACCEPTED,
    REJECTED
  }
}
