package org.oko.campaigns;

import java.time.Instant;
import org.oko.orgs.OrganizationRef;

/**
 * A stage kept open longer for one region or one organization.
 *
 * @param regionCode set when the extension is a region's
 * @param organization set when it is one organization's
 */
record Extension(
    long id,
    Stage stage,
    String regionCode,
    OrganizationRef organization,
    Instant closesAt,
    String reason,
    String grantedBy,
    Instant grantedAt) {

  /** What the federal organizer asks for: a region or an organization, a new close, a reason. */
  record Request(String regionCode, Long organizationId, Instant closesAt, String reason) {}
}
