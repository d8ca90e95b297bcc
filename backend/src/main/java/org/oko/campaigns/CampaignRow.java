package org.oko.campaigns;

import java.time.Instant;
import java.util.List;

/** A campaign as stored, with its stages as they apply to one viewer. */
record CampaignRow(
    long id,
    CampaignInfo.Kind kind,
    String title,
    String academicYear,
    List<Subject> subjects,
    List<String> regionCodes,
    List<StageWindow> stages,
    long version,
    Instant createdAt) {

  CampaignInfo info() {
    return new CampaignInfo(id, kind, title, regionCodes, subjects);
  }
}
