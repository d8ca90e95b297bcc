package org.oko.scans;

import java.util.List;
import org.oko.api.model.LocalScanning;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.OwnLocalScanning;
import org.oko.api.model.OwnLocalScanningCampaign;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanBatchInput;
import org.oko.api.model.ScanBatchPage;
import org.oko.api.model.ScanBatchStatus;
import org.oko.api.model.ScanSheet;
import org.oko.api.model.ScanSheetDetail;
import org.oko.api.model.ScanSheetPage;
import org.oko.api.model.SheetCounts;
import org.oko.api.model.SheetStatus;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Listing;
import org.oko.platform.web.Paging;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.LocalScanningService.OwnCampaign;
import org.oko.scans.ScanBatchService.NewBatch;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanSheetService.SheetDetail;
import org.oko.scans.SheetStore.SheetRow;

/**
 * The scans feature's rows as the contract shows them, and its inputs as the services take them.
 */
final class ScanMapper {

  private ScanMapper() {}

  static NewBatch newBatch(ScanBatchInput input) {
    return new NewBatch(
        input.getSubjectKey(),
        input.getOrganizationId(),
        input.getFileName(),
        input.getSize(),
        input.getSha256());
  }

  static ScanBatchPage batchPage(Listing<BatchRow> found, Paging paging) {
    return new ScanBatchPage(
        found.items().stream().map(ScanMapper::batch).toList(),
        paging.page(),
        paging.size(),
        found.total());
  }

  static ScanSheetPage sheetPage(Listing<SheetRow> found, Paging paging) {
    return new ScanSheetPage(
        found.items().stream().map(ScanMapper::sheet).toList(),
        paging.page(),
        paging.size(),
        found.total());
  }

  static LocalScanning localScanning(String regionCode, List<OrganizationRef> organizations) {
    return new LocalScanning(
        regionCode, organizations.stream().map(ScanMapper::organization).toList());
  }

  static OwnLocalScanning ownLocalScanning(List<OwnCampaign> campaigns) {
    return new OwnLocalScanning(
        campaigns.stream()
            .map(
                c ->
                    new OwnLocalScanningCampaign(c.id(), c.title(), c.regionCode())
                        .opensAt(ApiTimes.utc(c.opensAt()))
                        .closesAt(ApiTimes.utc(c.closesAt())))
            .toList());
  }

  static SheetCounts counts(Counts c) {
    return new SheetCounts(
        c.uploaded(),
        c.processing(),
        c.accepted(),
        c.errors(),
        c.assigned(),
        c.scored(),
        c.verified());
  }

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
            counts(b.sheets()),
            b.uploadedBy(),
            ApiTimes.utc(b.createdAt()));
    view.setProblem(b.problem());
    view.setCompletedAt(ApiTimes.utc(b.completedAt()));
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
            ApiTimes.utc(s.uploadedAt()),
            ApiTimes.utc(s.updatedAt()));
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

  static ScanSheetDetail detail(SheetDetail found) {
    SheetRow s = found.sheet();
    List<ScanSheet> history = found.history().stream().map(ScanMapper::sheet).toList();
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
}
