package org.oko.kits;

import org.oko.api.KitsApi;
import org.oko.api.model.KitAssignmentInput;
import org.oko.api.model.KitCredentials;
import org.oko.api.model.KitRange;
import org.oko.api.model.KitRangePage;
import org.oko.api.model.QuestionnaireLoginsRequest;
import org.oko.campaigns.CampaignDirectory;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Kits (комплекты) of an ОМК: the federal organizer assigns ranges of kit numbers to assessment
 * points per subject; everyone sees the ranges of the points in their scope; a point reads its own
 * kits' credentials and protocol 1.
 */
@RestController
class KitsController implements KitsApi {

  private final CampaignDirectory campaigns;
  private final KitRangeService ranges;
  private final KitAssignmentService assignments;
  private final PointKitsService pointKits;
  private final QuestionnaireLoginService logins;
  private final QuestionnaireLoginExportService loginExport;

  KitsController(
      CampaignDirectory campaigns,
      KitRangeService ranges,
      KitAssignmentService assignments,
      PointKitsService pointKits,
      QuestionnaireLoginService logins,
      QuestionnaireLoginExportService loginExport) {
    this.campaigns = campaigns;
    this.ranges = ranges;
    this.assignments = assignments;
    this.pointKits = pointKits;
    this.logins = logins;
    this.loginExport = loginExport;
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadQuestionnaireLogins(
      Long campaignId, String organization, ServerWebExchange exchange) {
    return CurrentCaller.withRole(
            Role.ORGANIZATION, Role.MUNICIPAL, Role.RESPONSIBLE, Role.REGIONAL, Role.FEDERAL)
        .flatMap(caller -> loginExport.export(caller, campaignId, organization))
        .flatMap(
            export ->
                WorkbookDownload.of(
                    () -> QuestionnaireLoginsWorkbook.write(export),
                    "Логины для анкетирования "
                        + (organization == null ? "" : organization + " ")
                        + campaignId
                        + ".xlsx"));
  }

  @Override
  public Mono<ResponseEntity<KitCredentials>> listQuestionnaireLogins(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(caller -> logins.list(caller, campaignId))
        .map(l -> ResponseEntity.ok(KitsMapper.credentials(l.subjectKey(), l.kits())));
  }

  @Override
  public Mono<ResponseEntity<KitCredentials>> issueQuestionnaireLogins(
      Long campaignId, Mono<QuestionnaireLoginsRequest> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .zipWith(body)
        .flatMap(t -> logins.issue(t.getT1(), campaignId, t.getT2().getCount()))
        .map(l -> ResponseEntity.ok(KitsMapper.credentials(l.subjectKey(), l.kits())));
  }

  @Override
  public Mono<ResponseEntity<KitRangePage>> listKits(
      Long campaignId,
      String subjectKey,
      String organization,
      Integer page,
      Integer size,
      Long after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> ranges.list(caller, campaignId, subjectKey, organization, paging, after))
        .map(
            found -> {
              var items = found.ranges().items();
              String next =
                  after == null
                      ? null
                      : NextLinks.next(exchange, paging.size(), items, KitStore.Stored::id);
              KitRangePage answer =
                  found
                      .ranges()
                      .toPage(
                          paging,
                          KitsMapper::range,
                          (mapped, total, pages, p, s) ->
                              new KitRangePage(mapped, found.kits(), p, s, total));
              return ResponseEntity.ok().headers(NextLinks.header(next)).body(answer.next(next));
            });
  }

  @Override
  public Mono<ResponseEntity<Flux<KitRange>>> assignKits(
      Long campaignId, Mono<KitAssignmentInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .zipWith(body.map(KitsMapper::assignment))
                    .flatMap(
                        t ->
                            assignments
                                .assign(caller, t.getT1(), t.getT2())
                                .map(KitsMapper::range)
                                .collectList()))
        .map(list -> ResponseEntity.status(HttpStatus.CREATED).body(Flux.fromIterable(list)));
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteKitRange(
      Long campaignId, Long rangeId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(caller -> ranges.delete(caller, campaignId, rangeId))
        .then(Mono.just(ResponseEntity.noContent().<Void>build()));
  }

  @Override
  public Mono<ResponseEntity<KitCredentials>> listKitCredentials(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(caller -> pointKits.pointKits(caller, campaignId, subjectKey))
        .map(p -> ResponseEntity.ok(KitsMapper.credentials(subjectKey, p)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadProtocol1(
      Long campaignId, String subjectKey, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.ORGANIZATION)
        .flatMap(caller -> pointKits.pointKits(caller, campaignId, subjectKey))
        .flatMap(
            p ->
                WorkbookDownload.of(
                    () ->
                        Protocol1Workbook.write(
                            new Protocol1Workbook.Content(
                                p.category(),
                                p.subjectName(),
                                p.point().login(),
                                p.point().name(),
                                p.link(),
                                p.kits())),
                    "Протокол 1 " + p.point().login() + " " + subjectKey + ".xlsx"));
  }
}
