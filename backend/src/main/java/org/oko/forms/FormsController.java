package org.oko.forms;

import java.io.ByteArrayOutputStream;
import org.oko.api.FormsApi;
import org.oko.api.model.FormComparison;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormDefinitionInput;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormPrefillInput;
import org.oko.api.model.FormPrefillResult;
import org.oko.api.model.FormReopenInput;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseInput;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormResponseVersion;
import org.oko.api.model.FormResponseVersionSummary;
import org.oko.api.model.FormSubmissionInput;
import org.oko.api.model.FormSummary;
import org.oko.api.model.FormVersionInput;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Data collection («Сбор данных»): the federal organizer defines forms per campaign ({@link
 * FormDefinitionService}), everyone lists them ({@link FormListService}); respondents fill them in
 * the browser ({@link FormResponseService}), as a template ({@link FormTemplateService}) or as JSON
 * ({@link FormSubmissionService}); coordinators above them follow who has submitted ({@link
 * FormMonitoringService}).
 */
@RestController
class FormsController implements FormsApi {

  private final FormListService forms;
  private final FormDefinitionService definitions;
  private final FormResponseService responses;
  private final FormSubmissionService submissions;
  private final ResponseVersionService versions;
  private final FormTemplateService templates;
  private final FormMonitoringService monitoring;
  private final FormsMapper mapper;

  FormsController(
      FormListService forms,
      FormDefinitionService definitions,
      FormResponseService responses,
      FormSubmissionService submissions,
      ResponseVersionService versions,
      FormTemplateService templates,
      FormMonitoringService monitoring,
      FormsMapper mapper) {
    this.forms = forms;
    this.definitions = definitions;
    this.responses = responses;
    this.submissions = submissions;
    this.versions = versions;
    this.templates = templates;
    this.monitoring = monitoring;
    this.mapper = mapper;
  }

  // --- definitions

  @Override
  public Mono<ResponseEntity<Flux<FormSummary>>> listForms(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> forms.list(caller, campaignId))
        .map(list -> ResponseEntity.ok(Flux.fromIterable(list).map(FormsMapper::summary)));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> createForm(
      Long campaignId, Mono<FormDefinitionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller -> body.flatMap(in -> definitions.create(caller, campaignId, mapper.input(in))))
        .map(form -> ResponseEntity.status(HttpStatus.CREATED).body(mapper.definition(form)));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> updateForm(
      Long formId, Mono<FormDefinitionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(caller -> body.flatMap(in -> definitions.update(caller, formId, mapper.input(in))))
        .map(form -> ResponseEntity.ok(mapper.definition(form)));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> getForm(Long formId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> definitions.get(caller, formId))
        .map(form -> ResponseEntity.ok(mapper.definition(form)));
  }

  @Override
  public Mono<ResponseEntity<FormPrefillResult>> setFormPrefill(
      Long formId, Mono<FormPrefillInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                body.flatMap(
                    in ->
                        definitions.setPrefill(
                            caller,
                            formId,
                            in.getSheet(),
                            FormsMapper.prefillRows(in.getOrganizations()))))
        .map(prefilled -> ResponseEntity.ok(FormsMapper.prefilled(prefilled)));
  }

  // --- responses

  @Override
  public Mono<ResponseEntity<FormResponse>> getFormResponse(
      Long formId, String organization, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> responses.get(caller, formId, organization, municipalityId))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> saveFormDraft(
      Long formId,
      Mono<FormResponseInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                body.flatMap(
                    in ->
                        responses.saveDraft(
                            caller,
                            formId,
                            organization,
                            municipalityId,
                            in.getVersion(),
                            in.getSheets())))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> submitFormResponse(
      Long formId,
      Mono<FormVersionInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                body.flatMap(
                    in ->
                        responses.submit(
                            caller, formId, organization, municipalityId, in.getVersion())))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> reopenFormResponse(
      Long formId,
      Mono<FormReopenInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    var whose = new ResponseVersionService.Whose(formId, organization, municipalityId);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                body.flatMap(
                    in -> responses.reopen(caller, whose, in.getVersion(), in.getReason())))
        .map(view -> ResponseEntity.ok(FormsMapper.response(view)));
  }

  @Override
  public Mono<ResponseEntity<Flux<FormResponseVersionSummary>>> listFormResponseVersions(
      Long formId, String organization, Long municipalityId, ServerWebExchange exchange) {
    var whose = new ResponseVersionService.Whose(formId, organization, municipalityId);
    return CurrentCaller.get()
        .flatMap(caller -> versions.versions(caller, whose))
        .map(list -> ResponseEntity.ok(Flux.fromIterable(list).map(FormsMapper::versionSummary)));
  }

  @Override
  public Mono<ResponseEntity<FormResponseVersion>> getFormResponseVersion(
      Long formId,
      Integer number,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    var whose = new ResponseVersionService.Whose(formId, organization, municipalityId);
    return CurrentCaller.get()
        .flatMap(caller -> versions.version(caller, whose, number))
        .map(v -> ResponseEntity.ok(FormsMapper.version(v)));
  }

  @Override
  public Mono<ResponseEntity<FormComparison>> compareFormResponseVersions(
      Long formId,
      Integer from,
      Integer to,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    var whose = new ResponseVersionService.Whose(formId, organization, municipalityId);
    return CurrentCaller.get()
        .flatMap(caller -> versions.compare(caller, whose, from, to))
        .map(c -> ResponseEntity.ok(FormsMapper.comparison(c)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadFormTemplate(
      Long formId, String organization, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> templates.template(caller, formId, organization, municipalityId))
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
    return CurrentCaller.get()
        .flatMap(
            caller ->
                body.flatMap(
                    in ->
                        submissions.submitOnBehalf(
                            caller, formId, idempotencyKey, in.getOrganization(), in.getSheets())))
        .map(
            s ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .header("Idempotent-Replayed", String.valueOf(s.replayed()))
                    .body(FormsMapper.response(s.response())));
  }

  // --- monitoring

  @Override
  public Mono<ResponseEntity<FormMonitoringPage>> getFormMonitoring(
      Long formId,
      String regionCode,
      Long municipalityId,
      FormResponseStatus status,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    var filter =
        new FormMonitoringService.Filter(
            formId, regionCode, municipalityId, FormsMapper.status(status));
    return CurrentCaller.withRole(FormMonitoringService.COORDINATORS)
        .flatMap(
            caller -> {
              Paging paging = new Paging(page, size);
              return monitoring
                  .page(caller, filter, paging)
                  .map(result -> FormsMapper.monitoringPage(result, paging));
            })
        .map(ResponseEntity::ok);
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
