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

  /**
   * The kinds of organization the campaign is held in: ВПР in schools and, for the first courses,
   * colleges (seed 003); the СПО study in colleges; ОМК in assessment points.
   */
  public List<String> organizationKinds() {
    return switch (kind) {
      case VPR -> List.of("SCHOOL", "COLLEGE");
      case SPO -> List.of("COLLEGE");
      case OMK -> List.of("ASSESSMENT_POINT");
    };
  }
}
