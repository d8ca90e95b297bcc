package org.oko.kits;

/**
 * The questionnaire credential of one kit: its login (formed as `KitCredential.login` in
 * openapi.yaml says), the five digits of its password, and where the kit belongs.
 *
 * @param category TEACHER or METHODIST
 */
public record KitCredential(
    String login,
    String password,
    long campaignId,
    String subjectKey,
    String category,
    long kitNumber,
    long organizationId,
    String regionCode) {}
