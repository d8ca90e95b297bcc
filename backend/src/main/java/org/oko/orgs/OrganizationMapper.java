package org.oko.orgs;

import org.oko.api.model.OrganizationBrief;

/** Organizations as the generated API shows them in lists, for every feature's controllers. */
public final class OrganizationMapper {

  private OrganizationMapper() {}

  public static OrganizationBrief brief(OrganizationRef o) {
    OrganizationBrief brief = new OrganizationBrief(o.id(), o.login(), o.name(), o.regionCode());
    brief.setMunicipalityId(o.municipalityId());
    brief.setMunicipalityName(o.municipalityName());
    return brief;
  }
}
