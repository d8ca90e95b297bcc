package org.oko.forms;

import org.oko.platform.security.Role;

/**
 * Who fills one copy of a form: an organization (then {@code municipalityId} is where it sits), or
 * a municipality (then {@code organizationId} and {@code login} are null), or — for a municipal
 * form — a region's part of organizations without a municipality, filled by the responsible
 * coordinator (then {@code municipalityId} is null too; seed 003 11.4).
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

  /** The region's organizations without a municipality, the responsible coordinator's part. */
  boolean isRegionPart() {
    return kind == RespondentKind.MUNICIPALITY && municipalityId == null;
  }

  /**
   * The kind of account that fills it — an organization, a municipal coordinator, or the
   * responsible coordinator for the region's part — by which a regional roadmap's deadlines that
   * name whom they bind apply to it (issue 19).
   */
  Role role() {
    if (isOrganization()) {
      return Role.ORGANIZATION;
    }
    return isRegionPart() ? Role.RESPONSIBLE : Role.MUNICIPAL;
  }

  /** For messages and logs: the login, or the municipality's name. */
  String label() {
    return isOrganization() ? login : name;
  }
}
