package org.oko.results;

import org.oko.api.ResultsApi;
import org.oko.api.model.GradeScale;
import org.oko.api.model.GradeScaleInput;
import org.oko.api.model.ObjectivityReport;
import org.oko.api.model.ParticipantResultPage;
import org.oko.api.model.ReportOpeningPage;
import org.oko.api.model.ReportRelease;
import org.oko.api.model.ReportReleaseList;
import org.oko.api.model.ReportUnitPage;
import org.oko.api.model.ReportUnitSort;
import org.oko.api.model.ResultsLevel;
import org.oko.api.model.SubjectReport;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.oko.results.ReportService.Named;
import org.oko.results.ReportService.TableQuery;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The results and reports API: each operation is one call of a service — {@link ReportService}
 * (reports, export, openings), {@link UnitTableService}, {@link FlagService}, {@link ScaleService},
 * {@link ReleaseService}.
 */
@RestController
class ResultsController implements ResultsApi {

  private final ReportService reports;
  private final ReleaseService releases;
  private final ScaleService scales;
  private final UnitTableService tables;
  private final FlagService flags;

  ResultsController(
      ReportService reports,
      ReleaseService releases,
      ScaleService scales,
      UnitTableService tables,
      FlagService flags) {
    this.releases = releases;
    this.scales = scales;
    this.tables = tables;
    this.flags = flags;
    this.reports = reports;
  }

  @Override
  public Mono<ResponseEntity<GradeScale>> getGradeScale(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> scales.scale(caller, campaignId, subjectKey))
        .map(s -> ResponseEntity.ok(ResultsMapper.scale(s)));
  }

  @Override
  public Mono<ResponseEntity<GradeScale>> setGradeScale(
      Long campaignId, String subjectKey, Mono<GradeScaleInput> input, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                input.flatMap(
                    body -> scales.setScale(caller, campaignId, subjectKey, body.getBoundaries())))
        .map(s -> ResponseEntity.ok(ResultsMapper.scale(s)));
  }

  @Override
  public Mono<ResponseEntity<ReportReleaseList>> listReportReleases(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> releases.releases(caller, campaignId))
        .map(
            list ->
                ResponseEntity.ok(
                    new ReportReleaseList(list.stream().map(ResultsMapper::release).toList())));
  }

  @Override
  public Mono<ResponseEntity<ReportRelease>> releaseReports(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> releases.release(caller, campaignId, regionCode))
        .map(r -> ResponseEntity.ok(ResultsMapper.release(r)));
  }

  @Override
  public Mono<ResponseEntity<SubjectReport>> getSubjectReport(
      Long campaignId,
      String subjectKey,
      Long organizationId,
      Long municipalityId,
      String regionCode,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                reports.report(
                    caller,
                    campaignId,
                    subjectKey,
                    new Named(organizationId, municipalityId, regionCode)))
        .map(r -> ResponseEntity.ok(ResultsMapper.report(r)));
  }

  @Override
  public Mono<ResponseEntity<ReportUnitPage>> listReportUnits(
      Long campaignId,
      String subjectKey,
      Long municipalityId,
      String regionCode,
      ResultsLevel rows,
      ReportUnitSort sort,
      Boolean descending,
      Boolean flaggedOnly,
      String q,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    TableQuery query =
        new TableQuery(
            rows == null ? null : Level.valueOf(rows.getValue()),
            sort == null ? null : ReportService.Sort.valueOf(sort.getValue()),
            Boolean.TRUE.equals(descending),
            Boolean.TRUE.equals(flaggedOnly),
            q == null || q.isBlank() ? null : q.trim());
    return CurrentCaller.get()
        .flatMap(
            caller ->
                tables.units(
                    caller,
                    campaignId,
                    subjectKey,
                    new Named(null, municipalityId, regionCode),
                    query,
                    paging))
        .map(t -> ResponseEntity.ok(ResultsMapper.units(t, paging)));
  }

  @Override
  public Mono<ResponseEntity<ParticipantResultPage>> listParticipantResults(
      Long campaignId,
      String subjectKey,
      Long organizationId,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller -> reports.participants(caller, campaignId, subjectKey, organizationId, paging))
        .map(p -> ResponseEntity.ok(ResultsMapper.participants(p, paging)));
  }

  @Override
  public Mono<ResponseEntity<ObjectivityReport>> getObjectivityFlags(
      Long campaignId, String subjectKey, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> flags.flags(caller, campaignId, subjectKey, organizationId))
        .map(f -> ResponseEntity.ok(ResultsMapper.flags(f)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> exportSubjectReport(
      Long campaignId,
      String subjectKey,
      Long organizationId,
      Long municipalityId,
      String regionCode,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                reports.export(
                    caller,
                    campaignId,
                    subjectKey,
                    new Named(organizationId, municipalityId, regionCode)))
        .flatMap(
            e ->
                WorkbookDownload.of(
                    () -> ReportWorkbook.write(e.report(), e.units(), e.participants(), e.flags()),
                    "report-"
                        + subjectKey
                        + "-"
                        + e.report().unit().level().name().toLowerCase()
                        + (e.report().unit().id().isEmpty() ? "" : "-" + e.report().unit().id())
                        + ".xlsx"));
  }

  @Override
  public Mono<ResponseEntity<ReportOpeningPage>> listReportOpenings(
      Long campaignId,
      Long municipalityId,
      String regionCode,
      Boolean opened,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                reports.openings(
                    caller,
                    campaignId,
                    new Named(null, municipalityId, regionCode),
                    opened,
                    paging))
        .map(o -> ResponseEntity.ok(ResultsMapper.openings(o, paging)));
  }
}
