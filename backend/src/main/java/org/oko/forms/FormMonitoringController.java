package org.oko.forms;

import org.oko.api.FormMonitoringApi;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormResponseStatus;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who has submitted a form, the contract's {@code form-monitoring} tag: for the coordinators above
 * the respondents ({@link FormMonitoringService}), on screen and as a workbook ({@link
 * MonitoringWorkbook}).
 */
@RestController
class FormMonitoringController implements FormMonitoringApi {

  private final FormMonitoringService monitoring;

  FormMonitoringController(FormMonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public Mono<ResponseEntity<FormMonitoringPage>> getFormMonitoring(
      Long formId,
      String regionCode,
      Long municipalityId,
      FormResponseStatus status,
      Integer page,
      Integer size,
      Long after,
      ServerWebExchange exchange) {
    var filter =
        new FormMonitoringService.Filter(
            formId, regionCode, municipalityId, FormsMapper.status(status));
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(FormMonitoringService.COORDINATORS)
        .flatMap(caller -> monitoring.page(caller, filter, paging, after))
        .map(result -> FormsMapper.monitoringPage(result, paging))
        .map(
            answer -> {
              String next =
                  after == null
                      ? null
                      : NextLinks.next(
                          exchange,
                          paging.size(),
                          answer.getItems(),
                          item -> item.getRespondent().getOrganizationId());
              return ResponseEntity.ok().headers(NextLinks.header(next)).body(answer.next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<Resource>> exportFormMonitoring(
      Long formId,
      String regionCode,
      Long municipalityId,
      FormResponseStatus status,
      ServerWebExchange exchange) {
    var filter =
        new FormMonitoringService.Filter(
            formId, regionCode, municipalityId, FormsMapper.status(status));
    return CurrentCaller.withRole(FormMonitoringService.COORDINATORS)
        .flatMap(caller -> monitoring.all(caller, filter))
        .flatMap(
            export ->
                WorkbookDownload.of(
                    () -> MonitoringWorkbook.write(export.form().title(), export.result()),
                    "monitoring-" + export.form().code() + ".xlsx"));
  }
}
