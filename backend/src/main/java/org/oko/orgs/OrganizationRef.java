package org.oko.orgs;

/** An organization and where it sits in the hierarchy, for other features. */
public record OrganizationRef(
    long id,
    String login,
    String name,
    String regionCode,
    Long municipalityId,
    String municipalityName) {}
