package org.oko.orgs;

/** Where an organization sits in the hierarchy. */
public record OrganizationRef(long id, String login, String regionCode, Long municipalityId) {}
