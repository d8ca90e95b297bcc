package org.oko.orgs;

import org.oko.platform.events.EventTopic;

/** Event: an organization joined the hierarchy (from demo data or an import). */
public record OrganizationRegistered(
    long organizationId, String login, String kind, String regionCode, Long municipalityId) {

  public static final EventTopic TOPIC = new EventTopic("orgs.OrganizationRegistered");
}
