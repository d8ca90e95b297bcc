package org.oko.identity;

import java.time.OffsetDateTime;
import org.oko.platform.security.Role;

/**
 * An account as its administrators see it: who, where in the hierarchy, how to reach them, whether
 * it may sign in. Never its password hash.
 */
public record ManagedAccount(
    String login,
    String displayName,
    Role role,
    String regionCode,
    Long municipalityId,
    String municipalityName,
    Long organizationId,
    String organizationName,
    String phone,
    String email,
    boolean active,
    String createdBy,
    OffsetDateTime createdAt) {}
