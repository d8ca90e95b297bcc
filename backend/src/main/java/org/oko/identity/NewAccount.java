package org.oko.identity;

import org.oko.platform.security.Role;

/**
 * A staff account to create, already checked by whoever creates it (role, scope, contact data).
 *
 * @param regionCode null only for FEDERAL
 * @param municipalityId the municipality of a MUNICIPAL coordinator or of the organization
 * @param organizationId the organization of an ORGANIZATION account, a scanning centre, an expert's
 *     workplace
 * @param createdBy the login of the creator
 */
public record NewAccount(
    String login,
    String displayName,
    Role role,
    String regionCode,
    Long municipalityId,
    Long organizationId,
    String phone,
    String email,
    String createdBy) {}
