package org.oko.scans;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchStatus;
import org.oko.api.model.ScanSheet;
import org.oko.api.model.ScanSheetDetail;
import org.oko.api.model.SheetStatus;
import org.oko.orgs.OrganizationRef;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.SheetStore.SheetRow;

/** Rows as the contract shows them. */
final class ScanViews {

  private ScanViews() {}

  static ScanBatch batch(BatchRow b) {
    ScanBatch view =
        new ScanBatch(
            b.id(),
            b.campaignId(),
            b.subjectKey(),
            organization(b.organization()),
            b.fileName(),
            b.size(),
            b.receivedBytes(),
            ScanBatchStatus.fromValue(b.status()),
            b.sheets(),
            b.uploadedBy(),
            time(b.createdAt()));
    view.setProblem(b.problem());
    view.setCompletedAt(time(b.completedAt()));
    return view;
  }

  static ScanSheet sheet(SheetRow s) {
    ScanSheet view =
        new ScanSheet(
            s.id(),
            s.batchId(),
            s.campaignId(),
            s.subjectKey(),
            organization(s.organization()),
            s.fileName(),
            SheetStatus.fromValue(s.status()),
            s.size(),
            s.thumbnailKey() != null,
            time(s.uploadedAt()),
            time(s.updatedAt()));
    view.setKitNumber(s.kitNumber());
    view.setPage(s.page());
    view.setErrorCode(s.errorCode());
    view.setErrorMessage(s.errorMessage());
    view.setWidth(s.width());
    view.setHeight(s.height());
    view.setDpi(s.dpi());
    view.setReplacesId(s.replacesId());
    return view;
  }

  static ScanSheetDetail detail(SheetRow s, List<ScanSheet> history) {
    ScanSheet base = sheet(s);
    ScanSheetDetail view =
        new ScanSheetDetail(
            base.getId(),
            base.getBatchId(),
            base.getCampaignId(),
            base.getSubjectKey(),
            base.getOrganization(),
            base.getFileName(),
            base.getStatus(),
            base.getSize(),
            base.getHasThumbnail(),
            base.getUploadedAt(),
            base.getUpdatedAt(),
            history);
    view.setKitNumber(s.kitNumber());
    view.setPage(s.page());
    view.setErrorCode(s.errorCode());
    view.setErrorMessage(s.errorMessage());
    view.setWidth(s.width());
    view.setHeight(s.height());
    view.setDpi(s.dpi());
    view.setReplacesId(s.replacesId());
    return view;
  }

  static OrganizationBrief organization(OrganizationRef o) {
    OrganizationBrief brief = new OrganizationBrief(o.id(), o.login(), o.name(), o.regionCode());
    brief.setMunicipalityId(o.municipalityId());
    brief.setMunicipalityName(o.municipalityName());
    return brief;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
