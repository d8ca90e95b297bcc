package org.oko.kits;

import org.oko.api.ParticipantCodesApi;
import org.oko.api.model.ParticipantCodes;
import org.oko.api.model.ParticipantCodesRequest;
import org.oko.orgs.OrganizationMapper;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The ВПР codes protocol of the calling school (seed 004, 6.13.2): its participant codes per
 * subject, their issuing within the application's number, and the workbook with the protocol and
 * the strips to cut. For the school itself only.
 */
@RestController
class ParticipantCodesController implements ParticipantCodesApi {

  private final ParticipantCodeService codes;

  ParticipantCodesController(ParticipantCodeService codes) {
    this.codes = codes;
  }

  @Override
  public Mono<ResponseEntity<ParticipantCodes>> listParticipantCodes(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(caller -> codes.list(caller, campaignId, subjectKey))
        .map(found -> ResponseEntity.ok(toApi(found)));
  }

  @Override
  public Mono<ResponseEntity<ParticipantCodes>> issueParticipantCodes(
      Long campaignId, Mono<ParticipantCodesRequest> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .zipWith(body)
        .flatMap(
            t ->
                codes.issue(t.getT1(), campaignId, t.getT2().getSubjectKey(), t.getT2().getCount()))
        .map(found -> ResponseEntity.ok(toApi(found)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadCodesProtocol(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(caller -> codes.list(caller, campaignId, subjectKey))
        .flatMap(
            found ->
                WorkbookDownload.of(
                    () ->
                        CodesProtocolWorkbook.write(
                            new CodesProtocolWorkbook.Content(
                                found.school().login(),
                                found.school().name(),
                                found.subject().name(),
                                found.subject().grade(),
                                found.codes())),
                    "Протокол с кодами " + found.school().login() + " " + subjectKey + ".xlsx"));
  }

  private static ParticipantCodes toApi(ParticipantCodeService.SchoolCodes found) {
    return new ParticipantCodes()
        .subjectKey(found.subject().key())
        .subjectName(found.subject().name())
        .grade(found.subject().grade())
        .organization(OrganizationMapper.brief(found.school()))
        .limit(found.limit())
        .items(found.codes());
  }
}
