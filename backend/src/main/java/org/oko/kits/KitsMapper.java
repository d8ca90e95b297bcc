package org.oko.kits;

import java.time.ZoneOffset;
import org.oko.api.model.KitAssignmentInput;
import org.oko.api.model.KitCredentials;
import org.oko.api.model.KitRange;
import org.oko.api.model.ParticipantCategory;
import org.oko.orgs.OrganizationMapper;
import org.oko.platform.web.ApiTimes;

/** Kits between the contract's types and the feature's own. */
final class KitsMapper {

  private KitsMapper() {}

  /** The request; a range without a category is for teachers. */
  static KitAssignment assignment(KitAssignmentInput in) {
    return new KitAssignment(
        in.getSubjectKey(),
        in.getRanges().stream()
            .map(
                r ->
                    new KitAssignment.Range(
                        r.getOrganization(),
                        r.getFirst(),
                        r.getLast(),
                        r.getCategory() == null
                            ? Category.TEACHER
                            : Category.valueOf(r.getCategory().getValue())))
            .toList());
  }

  static KitRange range(KitStore.Stored s) {
    return new KitRange(
        s.id(),
        s.subjectKey(),
        OrganizationMapper.brief(s.organization()),
        s.first(),
        s.last(),
        (int) (s.last() - s.first() + 1),
        s.assignedAt().atOffset(ZoneOffset.UTC),
        s.assignedBy(),
        ParticipantCategory.fromValue(s.category()));
  }

  static KitCredentials credentials(String subjectKey, PointKitsService.PointKits p) {
    KitCredentials result =
        new KitCredentials(
            subjectKey,
            p.subjectName(),
            ParticipantCategory.fromValue(p.category()),
            OrganizationMapper.brief(p.point()),
            p.link(),
            p.kits().stream()
                .map(
                    k ->
                        new org.oko.api.model.KitCredential(k.kitNumber(), k.login(), k.password()))
                .toList());
    result.setValidFrom(p.validFrom() == null ? null : ApiTimes.utc(p.validFrom()));
    result.setValidUntil(p.validUntil() == null ? null : ApiTimes.utc(p.validUntil()));
    return result;
  }
}
