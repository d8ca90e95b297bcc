package org.oko.identity;

import org.oko.platform.security.Role;

/** A person's account; {@code passwordHash} is null until credentials are issued. */
record Account(
    long id,
    String login,
    String displayName,
    Role role,
    String regionCode,
    Long municipalityId,
    Long organizationId,
    String passwordHash,
    boolean disabled) {}
