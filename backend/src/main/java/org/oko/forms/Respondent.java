package org.oko.forms;

import org.oko.api.model.FormRespondent;
import org.oko.api.model.FormRespondentKind;

/**
 * Who fills one copy of a form: an organization (then {@code municipalityId} is where it sits), or
 * a municipality (then {@code organizationId} and {@code login} are null).
 */
record Respondent(
    FormRespondentKind kind,
    Long organizationId,
    String login,
    Long municipalityId,
    String name,
    String regionCode,
    String municipalityName) {

  boolean isOrganization() {
    return kind == FormRespondentKind.ORGANIZATION;
  }

  /** For messages and logs: the login, or the municipality's name. */
  String label() {
    return isOrganization() ? login : name;
  }

  FormRespondent toApi() {
    FormRespondent api = new FormRespondent(kind, name, regionCode);
    api.setOrganizationId(organizationId);
    api.setOrganizationLogin(login);
    api.setMunicipalityId(municipalityId);
    return api;
  }
}
