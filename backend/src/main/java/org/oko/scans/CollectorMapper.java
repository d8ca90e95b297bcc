package org.oko.scans;

import org.oko.api.model.MissingPages;
import org.oko.api.model.MissingPagesPage;
import org.oko.api.model.ScanCriterion;
import org.oko.api.model.ScanProgress;
import org.oko.api.model.ScanProgressLevel;
import org.oko.api.model.ScanProgressRow;
import org.oko.api.model.ScanScheme;
import org.oko.api.model.ScanSchemeInput;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Paging;
import org.oko.scans.CollectorService.Progress;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scans.SchemeService.NamedScheme;

/** The collector's schemes, progress and missing pages as the contract shows them. */
final class CollectorMapper {

  private CollectorMapper() {}

  static Scheme scheme(long campaignId, String subjectKey, ScanSchemeInput input) {
    return new Scheme(
        campaignId,
        subjectKey,
        input.getPages(),
        input.getCriteria().stream()
            .map(c -> new Criterion(c.getCode(), c.getTitle(), c.getMaxScore(), c.getPage()))
            .toList(),
        input.getSecondScoringPercent() == null ? 0 : input.getSecondScoringPercent(),
        input.getDiscrepancyThreshold() == null ? 2 : input.getDiscrepancyThreshold());
  }

  static ScanScheme scheme(NamedScheme named) {
    Scheme s = named.stored().scheme();
    return new ScanScheme(
        s.subjectKey(),
        named.subjectName(),
        s.pages(),
        s.criteria().stream()
            .map(c -> new ScanCriterion(c.code(), c.title(), c.maxScore(), c.page()))
            .toList(),
        s.secondScoringPercent(),
        s.discrepancyThreshold(),
        ApiTimes.utc(named.stored().updatedAt()));
  }

  static ScanProgress progress(Progress progress, Paging paging) {
    return new ScanProgress(
        ScanProgressLevel.fromValue(progress.level().name()),
        ScanMapper.counts(progress.totals()),
        progress.items().stream().map(CollectorMapper::row).toList(),
        paging.page(),
        paging.size(),
        progress.total(),
        ApiTimes.utc(progress.at()));
  }

  /** A row of a progress view; the live status sends the same rows. */
  static ScanProgressRow row(ScanProgressDirectory.Row row) {
    return new ScanProgressRow(row.key(), row.name(), ScanMapper.counts(row.sheets()))
        .regionCode(row.regionCode())
        .organizationId(row.organizationId())
        .batchId(row.batchId());
  }

  static MissingPagesPage missingPages(MissingPagesStore.Page found, Paging paging) {
    return new MissingPagesPage(
        found.items().stream().map(CollectorMapper::gap).toList(),
        paging.page(),
        paging.size(),
        found.total());
  }

  private static MissingPages gap(MissingPagesStore.Gap gap) {
    return new MissingPages(
        ScanMapper.organization(gap.organization()),
        gap.subjectKey(),
        gap.kitNumber(),
        gap.missing(),
        gap.message());
  }
}
