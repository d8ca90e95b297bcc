package org.oko.campaigns;

import java.time.Instant;
import java.util.List;
import org.oko.api.model.CampaignKind;
import org.oko.api.model.CampaignSubject;

/** A campaign as stored, with its stages as they apply to one viewer. */
record CampaignRow(
    long id,
    CampaignKind kind,
    String title,
    String academicYear,
    List<CampaignSubject> subjects,
    List<String> regionCodes,
    List<StageWindow> stages,
    long version,
    Instant createdAt) {

  CampaignInfo info() {
    return new CampaignInfo(id, kind, title, regionCodes, subjects);
  }
}
