package org.oko.forms;

import java.io.ByteArrayOutputStream;
import org.oko.api.FormsApi;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormDefinitionInput;
import org.oko.api.model.FormDefinitionVersion;
import org.oko.api.model.FormPrefillInput;
import org.oko.api.model.FormPrefillResult;
import org.oko.api.model.FormSummary;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Data collection («Сбор данных»), the contract's {@code forms} tag: the federal organizer (and a
 * region, its own forms) defines forms per campaign ({@link FormDefinitionService}), everyone lists
 * them ({@link FormListService}). Responses are {@link FormResponsesController}'s, monitoring
 * {@link FormMonitoringController}'s.
 */
@RestController
class FormsController implements FormsApi {

  private final FormListService forms;
  private final FormDefinitionService definitions;
  private final FormPrefillService prefill;
  private final FormVersionService versions;
  private final FormsMapper mapper;

  FormsController(
      FormListService forms,
      FormDefinitionService definitions,
      FormPrefillService prefill,
      FormVersionService versions,
      FormsMapper mapper) {
    this.forms = forms;
    this.definitions = definitions;
    this.prefill = prefill;
    this.versions = versions;
    this.mapper = mapper;
  }

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
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller -> body.flatMap(in -> definitions.create(caller, campaignId, mapper.input(in))))
        .map(form -> ResponseEntity.status(HttpStatus.CREATED).body(mapper.definition(form)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> previewFormTemplate(
      Long campaignId, Mono<FormDefinitionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                body.flatMap(
                    in -> definitions.previewTemplate(caller, campaignId, mapper.input(in))))
        .flatMap(
            workbook ->
                WorkbookDownload.of(
                    () -> {
                      var out = new ByteArrayOutputStream();
                      workbook.write(out);
                      return out.toByteArray();
                    },
                    "образец-шаблона.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> updateForm(
      Long formId, Mono<FormDefinitionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
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
  public Mono<ResponseEntity<Flux<FormDefinitionVersion>>> listFormDefinitionVersions(
      Long formId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> versions.list(caller, formId))
        .map(list -> ResponseEntity.ok(Flux.fromIterable(list).map(FormVersionsMapper::version)));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> getFormDefinitionVersion(
      Long formId, Long version, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> versions.get(caller, formId, version))
        .map(form -> ResponseEntity.ok(mapper.definition(form)));
  }

  @Override
  public Mono<ResponseEntity<FormPrefillResult>> setFormPrefill(
      Long formId, Mono<FormPrefillInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                body.flatMap(
                    in ->
                        prefill.setPrefill(
                            caller,
                            formId,
                            in.getSheet(),
                            FormsMapper.prefillRows(in.getOrganizations()))))
        .map(prefilled -> ResponseEntity.ok(FormsMapper.prefilled(prefilled)));
  }
}
