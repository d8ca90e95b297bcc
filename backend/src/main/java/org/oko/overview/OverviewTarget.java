package org.oko.overview;

import java.time.ZoneId;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationRef;

/**
 * The organization a page is about, inside the caller's scope and taking part in the campaign.
 *
 * @param kind SCHOOL, COLLEGE, ASSESSMENT_POINT or SCANNING_CENTRE
 * @param zone its region's time zone
 */
record OverviewTarget(
    CampaignInfo campaign,
    OrganizationRef organization,
    String kind,
    String regionName,
    ZoneId zone) {

  long campaignId() {
    return campaign.id();
  }

  long organizationId() {
    return organization.id();
  }

  /** The subject's name in the campaign, or its key when the campaign has no such subject. */
  String subjectName(String key) {
    if (key == null) {
      return null;
    }
    return campaign.subject(key).map(s -> s.name()).orElse(key);
  }
}
