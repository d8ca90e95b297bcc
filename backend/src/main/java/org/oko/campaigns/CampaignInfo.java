package org.oko.campaigns;

import java.util.List;
import org.oko.api.model.CampaignKind;
import org.oko.api.model.CampaignSubject;

/** What other features need to know about a campaign. */
public record CampaignInfo(
    long id,
    CampaignKind kind,
    String title,
    List<String> regionCodes,
    List<CampaignSubject> subjects) {

  /** The kind of organization the campaign is held in. */
  public String organizationKind() {
    return switch (kind) {
      case VPR -> "SCHOOL";
      case SPO -> "COLLEGE";
      case OMK -> "ASSESSMENT_POINT";
    };
  }
}
