package org.oko.accounts;

import org.oko.api.model.StaffCoveragePage;
import org.oko.api.model.StaffCoverageRow;
import org.oko.api.model.StaffCoverageSummary;
import org.oko.api.model.StaffImportResult;
import org.oko.api.model.StaffSubmission;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Paging;

/** Staff registers' domain records ↔ the generated API models. */
final class StaffMapper {

  private StaffMapper() {}

  static StaffCoveragePage toApi(StaffRegisterService.CoveragePage found, Paging paging) {
    StaffStore.Summary s = found.summary();
    return new StaffCoveragePage()
        .page(paging.page())
        .size(paging.size())
        .totalItems(found.totalItems())
        .totalPages(paging.totalPages(found.totalItems()))
        .items(found.rows().stream().map(StaffMapper::toApi).toList())
        .summary(
            new StaffCoverageSummary()
                .organizations(s.organizations())
                .withoutResponsible(s.withoutResponsible())
                .withoutClassroom(s.withoutClassroom())
                .withoutTechnical(s.withoutTechnical()));
  }

  private static StaffCoverageRow toApi(StaffRegisterService.CoverageRow row) {
    StaffStore.Covered o = row.organization();
    return new StaffCoverageRow()
        .organizationId(o.id())
        .organizationLogin(o.login())
        .organizationName(o.name())
        .municipalityName(o.municipality())
        .members(row.members().stream().map(StaffMapper::toApi).toList())
        .missing(
            row.missing().stream()
                .map(d -> org.oko.api.model.StaffDuty.fromValue(d.name()))
                .toList());
  }

  private static org.oko.api.model.StaffMember toApi(StaffMember m) {
    return new org.oko.api.model.StaffMember()
        .duty(org.oko.api.model.StaffDuty.fromValue(m.duty().name()))
        .fullName(m.fullName())
        .phone(m.phone())
        .email(m.email());
  }

  static StaffSubmission toApi(StaffSubmissionStore.Submission s) {
    return new StaffSubmission()
        .regionCode(s.regionCode())
        .regionName(s.regionName())
        .submittedAt(ApiTimes.utc(s.submittedAt()))
        .submittedBy(s.submittedBy())
        .organizations(s.organizations())
        .timeZone(s.timeZone());
  }

  static StaffImportResult toApi(StaffRegisterService.Imported imported) {
    return new StaffImportResult()
        .organizations(imported.organizations())
        .members(imported.members());
  }
}
