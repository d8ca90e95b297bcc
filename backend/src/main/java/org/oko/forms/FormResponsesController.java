package org.oko.forms;

import java.io.ByteArrayOutputStream;
import java.util.function.BiFunction;
import org.oko.api.FormResponsesApi;
import org.oko.api.model.FormComparison;
import org.oko.api.model.FormReopenInput;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseInput;
import org.oko.api.model.FormResponseVersion;
import org.oko.api.model.FormResponseVersionSummary;
import org.oko.api.model.FormRowPage;
import org.oko.api.model.FormSubmissionInput;
import org.oko.api.model.FormVersionInput;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A respondent's response, the contract's {@code form-responses} tag: filled in the browser ({@link
 * FormResponseService}), its versions ({@link ResponseVersionService}), the {@code .xlsx} template
 * ({@link FormTemplateService}; its upload is {@link FormUploadRoutes}'), and JSON submission on a
 * respondent's behalf ({@link FormSubmissionService}).
 */
@RestController
class FormResponsesController implements FormResponsesApi {

  private final FormResponseService responses;
  private final FormSubmissionService submissions;
  private final ResponseVersionService versions;
  private final FormTemplateService templates;
  private final ResponseRowsService rows;

  /** The contract's default page of {@code GET …/response/rows}. */
  private static final int DEFAULT_PAGE = 500;

  FormResponsesController(
      FormResponseService responses,
      FormSubmissionService submissions,
      ResponseVersionService versions,
      FormTemplateService templates,
      ResponseRowsService rows) {
    this.responses = responses;
    this.submissions = submissions;
    this.versions = versions;
    this.templates = templates;
    this.rows = rows;
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> getFormResponse(
      Long formId,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    return asCaller(whose(formId, organization, municipalityId, regionPart), responses::get)
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<FormRowPage>> getFormResponseRows(
      Long formId,
      String sheet,
      Integer offset,
      Integer limit,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? DEFAULT_PAGE : limit;
    return asCaller(
            whose(formId, organization, municipalityId, regionPart),
            (caller, whose) -> rows.page(caller, whose, sheet, from, size))
        .map(page -> ResponseEntity.ok(FormsMapper.rowPage(page)));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> saveFormDraft(
      Long formId,
      Mono<FormResponseInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return withBody(
            body,
            (caller, in) ->
                responses.saveDraft(
                    caller, formId, organization, municipalityId, in.getVersion(), in.getSheets()))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> submitFormResponse(
      Long formId,
      Mono<FormVersionInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return withBody(
            body,
            (caller, in) ->
                responses.submit(caller, formId, organization, municipalityId, in.getVersion()))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> reopenFormResponse(
      Long formId,
      Mono<FormReopenInput> body,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    var whose = whose(formId, organization, municipalityId, regionPart);
    return withBody(
            body, (caller, in) -> responses.reopen(caller, whose, in.getVersion(), in.getReason()))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<Flux<FormResponseVersionSummary>>> listFormResponseVersions(
      Long formId,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    return asCaller(whose(formId, organization, municipalityId, regionPart), versions::versions)
        .map(list -> ResponseEntity.ok(Flux.fromIterable(list).map(FormsMapper::versionSummary)));
  }

  @Override
  public Mono<ResponseEntity<FormResponseVersion>> getFormResponseVersion(
      Long formId,
      Integer number,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    return asCaller(
            whose(formId, organization, municipalityId, regionPart),
            (caller, whose) -> versions.version(caller, whose, number))
        .map(v -> ResponseEntity.ok(FormsMapper.version(v)));
  }

  @Override
  public Mono<ResponseEntity<FormComparison>> compareFormResponseVersions(
      Long formId,
      Integer from,
      Integer to,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    return asCaller(
            whose(formId, organization, municipalityId, regionPart),
            (caller, whose) -> versions.compare(caller, whose, from, to))
        .map(c -> ResponseEntity.ok(FormsMapper.comparison(c)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadFormTemplate(
      Long formId,
      String organization,
      Long municipalityId,
      String regionPart,
      ServerWebExchange exchange) {
    return asCaller(whose(formId, organization, municipalityId, regionPart), templates::template)
        .flatMap(
            template ->
                WorkbookDownload.of(
                    () -> {
                      var out = new ByteArrayOutputStream();
                      template.workbook().write(out);
                      return out.toByteArray();
                    },
                    template.fileName()));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> submitFormOnBehalf(
      Long formId,
      String idempotencyKey,
      Mono<FormSubmissionInput> body,
      ServerWebExchange exchange) {
    return withBody(
            body,
            (caller, in) ->
                submissions.submitOnBehalf(
                    caller, formId, idempotencyKey, in.getOrganization(), in.getSheets()))
        .map(
            s ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .header("Idempotent-Replayed", String.valueOf(s.replayed()))
                    .body(FormsMapper.response(s.response())));
  }

  /**
   * The response a request names: the caller's own, an organization's, a municipality's or a
   * region's part ({@code regionPart}: its organizations without a municipality).
   */
  private static ResponseVersionService.Whose whose(
      Long formId, String organization, Long municipalityId, String regionPart) {
    return new ResponseVersionService.Whose(formId, organization, municipalityId, regionPart);
  }

  /** Calls {@code call} as the signed-in caller about {@code whose} response. */
  private static <T> Mono<T> asCaller(
      ResponseVersionService.Whose whose,
      BiFunction<Caller, ResponseVersionService.Whose, Mono<T>> call) {
    return CurrentCaller.get().flatMap(caller -> call.apply(caller, whose));
  }

  /** Calls {@code call} as the signed-in caller with the request's body. */
  private static <I, T> Mono<T> withBody(Mono<I> body, BiFunction<Caller, I, Mono<T>> call) {
    return CurrentCaller.get().flatMap(caller -> body.flatMap(in -> call.apply(caller, in)));
  }
}
