package org.oko.accounts;

import org.oko.api.StaffApi;
import org.oko.api.model.StaffCoveragePage;
import org.oko.api.model.StaffSubmission;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff registers (tag {@code staff}); the upload is {@link StaffImportRoutes}. */
@RestController
class StaffRegisterController implements StaffApi {

  private final StaffRegisterService registers;
  private final StaffSubmissionService submissions;

  StaffRegisterController(StaffRegisterService registers, StaffSubmissionService submissions) {
    this.registers = registers;
    this.submissions = submissions;
  }

  @Override
  public Mono<ResponseEntity<Resource>> getStaffTemplate(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> registers.template(caller, campaignId))
        .map(bytes -> WorkbookDownload.response(bytes, "staff-" + campaignId + ".xlsx"));
  }

  @Override
  public Mono<ResponseEntity<StaffCoveragePage>> listStaffCoverage(
      Long campaignId,
      String regionCode,
      Long municipalityId,
      Boolean missingOnly,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                registers.coverage(
                    caller,
                    campaignId,
                    regionCode,
                    municipalityId,
                    Boolean.TRUE.equals(missingOnly),
                    paging))
        .map(found -> ResponseEntity.ok(StaffMapper.toApi(found, paging)));
  }

  @Override
  public Mono<ResponseEntity<Flux<StaffSubmission>>> listStaffSubmissions(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> submissions.submissions(caller, campaignId).collectList())
        .map(sent -> ResponseEntity.ok(Flux.fromIterable(sent).map(StaffMapper::toApi)));
  }

  @Override
  public Mono<ResponseEntity<StaffSubmission>> submitStaffRegister(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> submissions.submit(caller, campaignId))
        .map(sent -> ResponseEntity.status(HttpStatus.CREATED).body(StaffMapper.toApi(sent)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> getStaffSubmissionFile(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> submissions.submissionFile(caller, campaignId, regionCode))
        .map(
            bytes ->
                WorkbookDownload.response(
                    bytes, "responsible-organizers-" + regionCode + "-" + campaignId + ".xlsx"));
  }
}
