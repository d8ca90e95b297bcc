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

  /** The campaign with its stages closed by the region's own deadlines, where they are earlier. */
  CampaignRow underRegion(List<RegionalDeadline> deadlines) {
    if (deadlines == null || deadlines.isEmpty()) {
      return this;
    }
    List<StageWindow> narrowed =
        stages.stream()
            .map(
                w ->
                    deadlines.stream()
                        .filter(d -> d.stage() == w.code())
                        .findFirst()
                        .map(w::underRegion)
                        .orElse(w))
            .toList();
    return new CampaignRow(
        id, kind, title, academicYear, subjects, regionCodes, narrowed, version, createdAt);
  }

  CampaignInfo info() {
    return new CampaignInfo(id, kind, title, regionCodes, subjects);
  }
}
