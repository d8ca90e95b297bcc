package org.oko.campaigns;

import java.util.List;
import java.util.Optional;

/** What other features need to know about a campaign. */
public record CampaignInfo(
    long id, Kind kind, String title, List<String> regionCodes, List<Subject> subjects) {

  /**
   * VPR — всероссийские проверочные работы; SPO — исследование СПО; OMK — оценка методических и
   * предметных компетенций учителей. Stored by name; the API's {@code CampaignKind} has the same
   * values.
   */
  public enum Kind {
    VPR,
    SPO,
    OMK
  }

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

  /** The campaign's subject with this key, if it has one. */
  public Optional<Subject> subject(String key) {
    return subjects.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
