package org.oko.forms;

/**
 * Who fills one copy of a form: an organization (then {@code municipalityId} is where it sits), or
 * a municipality (then {@code organizationId} and {@code login} are null).
 */
record Respondent(
    RespondentKind kind,
    Long organizationId,
    String login,
    Long municipalityId,
    String name,
    String regionCode,
    String municipalityName) {

  boolean isOrganization() {
    return kind == RespondentKind.ORGANIZATION;
  }

  /** For messages and logs: the login, or the municipality's name. */
  String label() {
    return isOrganization() ? login : name;
  }
}
