package org.oko.forms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.api.FormsApi;
import org.oko.api.model.FormComparison;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormDefinitionInput;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormPrefillInput;
import org.oko.api.model.FormPrefillOrganization;
import org.oko.api.model.FormPrefillResult;
import org.oko.api.model.FormRespondentKind;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseInput;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormResponseVersion;
import org.oko.api.model.FormResponseVersionSummary;
import org.oko.api.model.FormSubmissionInput;
import org.oko.api.model.FormSummary;
import org.oko.api.model.FormVersionInput;
import org.oko.api.model.OrganizationKind;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Data collection («Сбор данных»): the federal organizer defines forms per campaign; respondents
 * fill them in the browser (or as a template, see the upload route), submit and reopen them;
 * coordinators above them follow who has submitted. Responses are {@link FormResponses}' business.
 */
@RestController
class FormsController implements FormsApi {

  private final FormDefinitions definitions;
  private final FormAccess access;
  private final FormResponses responses;
  private final FormResponseStore store;
  private final FormMonitoring monitoring;
  private final Respondents respondents;
  private final CampaignDirectory campaigns;
  private final StageGate gate;
  private final FormModels models;
  private final TransactionalOperator tx;
  private final Clock clock;

  FormsController(
      FormDefinitions definitions,
      FormAccess access,
      FormResponses responses,
      FormResponseStore store,
      FormMonitoring monitoring,
      Respondents respondents,
      CampaignDirectory campaigns,
      StageGate gate,
      FormModels models,
      TransactionalOperator tx,
      Clock clock) {
    this.definitions = definitions;
    this.access = access;
    this.responses = responses;
    this.store = store;
    this.monitoring = monitoring;
    this.respondents = respondents;
    this.campaigns = campaigns;
    this.gate = gate;
    this.models = models;
    this.tx = tx;
    this.clock = clock;
  }

  // --- definitions

  @Override
  public Mono<ResponseEntity<Flux<FormSummary>>> listForms(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(
                        campaign ->
                            ownKind(caller)
                                .flatMap(
                                    kind ->
                                        definitions
                                            .ofCampaign(campaignId)
                                            .filter(f -> listed(caller, kind, f, campaign))
                                            .concatMap(f -> summary(caller, campaign, f))
                                            .collectList())))
        .map(list -> ResponseEntity.ok(Flux.fromIterable(list)));
  }

  /** The kind of the caller's organization ("" for callers that are not one). */
  private Mono<String> ownKind(Caller caller) {
    return caller.role() == Role.ORGANIZATION
        ? respondents.kindOf(caller.organizationId()).defaultIfEmpty("")
        : Mono.just("");
  }

  private static boolean listed(
      Caller caller, String kind, FormDefinitionRow form, CampaignInfo campaign) {
    return caller.role() != Role.ORGANIZATION
        || (form.byOrganizations() && form.kindsIn(campaign).contains(kind));
  }

  private Mono<FormSummary> summary(Caller caller, CampaignInfo campaign, FormDefinitionRow form) {
    FormSummary summary =
        new FormSummary(
            form.id(),
            form.campaignId(),
            form.code(),
            form.title(),
            form.stage(),
            form.respondent(),
            form.version());
    summary.setSubjectKey(form.subjectKey());
    Respondent own = ownRespondent(caller, form);
    Mono<FormSummary> withStatus =
        own == null
            ? Mono.just(summary)
            : store
                .summary(form.id(), own)
                .map(
                    row -> {
                      summary.setMyStatus(FormResponseStatus.fromValue(row.status()));
                      summary.setMySubmittedAt(ApiTimes.utc(row.submittedAt()));
                      return summary;
                    })
                .defaultIfEmpty(summary.myStatus(FormResponseStatus.NOT_STARTED));
    return withStatus.flatMap(
        s ->
            gate.window(
                    form.campaignId(),
                    Stage.valueOf(form.stage().name()),
                    caller.regionCode(),
                    caller.organizationId())
                .map(w -> s.window(FormResponses.window(w, clock.instant())))
                .defaultIfEmpty(s));
  }

  /** The caller as the respondent of the form, or null when it does not fill it. */
  private static Respondent ownRespondent(Caller caller, FormDefinitionRow form) {
    if (form.byOrganizations() && caller.role() == Role.ORGANIZATION) {
      return new Respondent(
          FormRespondentKind.ORGANIZATION,
          caller.organizationId(),
          caller.login(),
          caller.municipalityId(),
          caller.displayName(),
          caller.regionCode(),
          null);
    }
    if (!form.byOrganizations() && caller.role() == Role.MUNICIPAL) {
      return new Respondent(
          FormRespondentKind.MUNICIPALITY,
          null,
          null,
          caller.municipalityId(),
          caller.displayName(),
          caller.regionCode(),
          null);
    }
    return null;
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> createForm(
      Long campaignId, Mono<FormDefinitionInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t -> {
              Caller caller = t.getT1();
              return campaigns
                  .visibleTo(caller, campaignId)
                  .map(campaign -> DefinitionRules.checked(t.getT2(), campaign, models))
                  .<Long>flatMap(
                      d ->
                          definitions
                              .codeTaken(campaignId, d.code(), null)
                              .<Long>flatMap(
                                  taken ->
                                      taken
                                          ? Mono.error(codeTaken(d.code()))
                                          : tx.transactional(
                                              definitions.insert(
                                                  campaignId, d, caller.login(), clock.instant()))))
                  .onErrorMap(
                      org.springframework.dao.DataIntegrityViolationException.class,
                      e -> codeTaken(t.getT2().getCode()))
                  .flatMap(id -> definitions.find(id));
            })
        .map(form -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(form)));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> updateForm(
      Long formId, Mono<FormDefinitionInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t -> {
              Caller caller = t.getT1();
              FormDefinitionInput in = t.getT2();
              if (in.getVersion() == null) {
                return Mono.error(
                    new UnprocessableException(
                        "version", "Укажите версию формы, которую вы изменяете (version)"));
              }
              return access
                  .visible(caller, formId)
                  .flatMap(
                      vf -> {
                        FormDefinitionRow form = vf.form();
                        FormDefinitions.Definition d =
                            DefinitionRules.checked(in, vf.campaign(), models);
                        if (form.version() != in.getVersion()) {
                          return Mono.error(changedMeanwhile(form.version()));
                        }
                        return Mono.zip(
                                definitions.codeTaken(form.campaignId(), d.code(), form.id()),
                                definitions.hasResponses(form.id()))
                            .flatMap(
                                tr -> {
                                  if (tr.getT1()) {
                                    return Mono.error(codeTaken(d.code()));
                                  }
                                  if (tr.getT2() && d.respondent() != form.respondent()) {
                                    return Mono.error(
                                        new UnprocessableException(
                                            "respondent",
                                            "Форму уже начали заполнять: изменить, кто её"
                                                + " заполняет, нельзя"));
                                  }
                                  return definitions
                                      .update(
                                          form.id(),
                                          in.getVersion(),
                                          d,
                                          caller.login(),
                                          clock.instant())
                                      .as(tx::transactional);
                                })
                            .flatMap(
                                updated ->
                                    updated
                                        ? definitions.find(form.id())
                                        : Mono.error(changedMeanwhile(form.version())));
                      });
            })
        .map(form -> ResponseEntity.ok(toApi(form)));
  }

  @Override
  public Mono<ResponseEntity<FormDefinition>> getForm(Long formId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> access.visible(caller, formId))
        .map(vf -> ResponseEntity.ok(toApi(vf.form())));
  }

  @Override
  public Mono<ResponseEntity<FormPrefillResult>> setFormPrefill(
      Long formId, Mono<FormPrefillInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(t -> access.visible(t.getT1(), formId).flatMap(vf -> prefill(vf, t.getT2())))
        .map(ResponseEntity::ok);
  }

  private Mono<FormPrefillResult> prefill(FormAccess.VisibleForm vf, FormPrefillInput in) {
    SheetSpec sheet = vf.form().schema().sheet(in.getSheet());
    if (sheet == null || sheet.prefill() != SheetSpec.Prefill.STORED) {
      return Mono.error(
          new UnprocessableException(
              "sheet",
              "В форме нет листа «" + in.getSheet() + "» с предзаполненными строками (STORED)"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> logins = new HashSet<>();
    List<FormPrefillOrganization> organizations = in.getOrganizations();
    for (int i = 0; i < organizations.size(); i++) {
      FormPrefillOrganization org = organizations.get(i);
      if (!logins.add(org.getOrganization())) {
        problems.add(
            FieldProblem.of(
                "organizations[" + i + "].organization",
                "Организация «" + org.getOrganization() + "» указана дважды"));
      }
      checkPrefillRows(sheet, "organizations[" + i + "].rows", org.getRows(), problems);
    }
    return respondents
        .organizations(vf.campaign().id(), vf.form().kindsIn(vf.campaign()), logins)
        .flatMap(
            addressed -> {
              for (int i = 0; i < organizations.size(); i++) {
                String login = organizations.get(i).getOrganization();
                if (!addressed.containsKey(login)) {
                  problems.add(
                      FieldProblem.of(
                          "organizations[" + i + "].organization",
                          "Организация «"
                              + login
                              + "» не заполняет эту форму: её нет в опубликованной выборке"
                              + " кампании"));
                }
              }
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("Строки не сохранены: есть ошибки", problems));
              }
              return Flux.fromIterable(organizations)
                  .concatMap(
                      org ->
                          definitions.setPrefill(
                              vf.form().id(),
                              sheet.key(),
                              addressed.get(org.getOrganization()).organizationId(),
                              cleaned(org.getRows())))
                  .then()
                  .as(tx::transactional)
                  .thenReturn(
                      new FormPrefillResult(
                          organizations.size(),
                          organizations.stream().mapToInt(o -> o.getRows().size()).sum()));
            });
  }

  /** Every row names only the sheet's columns and has its own value in the key column. */
  private static void checkPrefillRows(
      SheetSpec sheet, String field, List<Map<String, String>> rows, List<FieldProblem> problems) {
    Set<String> keys = new HashSet<>();
    for (int j = 0; j < rows.size(); j++) {
      Map<String, String> row = rows.get(j);
      for (String column : row.keySet()) {
        if (sheet.columnIndex(column) < 0) {
          problems.add(
              FieldProblem.of(field + "[" + j + "]", "В листе нет столбца «" + column + "»"));
        }
      }
      String key = row.get(sheet.keyColumn());
      if (key == null || key.isBlank()) {
        problems.add(
            FieldProblem.of(
                field + "[" + j + "]", "Не заполнен столбец-ключ «" + sheet.keyColumn() + "»"));
      } else if (!keys.add(key.strip())) {
        problems.add(FieldProblem.of(field + "[" + j + "]", "Значение «" + key + "» повторяется"));
      }
    }
  }

  private static List<Map<String, String>> cleaned(List<Map<String, String>> rows) {
    List<Map<String, String>> cleaned = new ArrayList<>();
    for (Map<String, String> row : rows) {
      Map<String, String> copy = new LinkedHashMap<>();
      row.forEach(
          (k, v) -> {
            if (v != null && !v.isBlank()) {
              copy.put(k, v.strip());
            }
          });
      cleaned.add(copy);
    }
    return cleaned;
  }

  // --- responses

  @Override
  public Mono<ResponseEntity<FormResponse>> getFormResponse(
      Long formId, String organization, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> responses.get(caller, formId, organization, municipalityId))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> saveFormDraft(
      Long formId,
      Mono<FormResponseInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                responses.saveDraft(
                    t.getT1(),
                    formId,
                    organization,
                    municipalityId,
                    t.getT2().getVersion(),
                    t.getT2().getSheets()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> submitFormResponse(
      Long formId,
      Mono<FormVersionInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                responses.submit(
                    t.getT1(), formId, organization, municipalityId, t.getT2().getVersion()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> reopenFormResponse(
      Long formId,
      Mono<FormVersionInput> body,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                responses.reopen(
                    t.getT1(), formId, organization, municipalityId, t.getT2().getVersion()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Flux<FormResponseVersionSummary>>> listFormResponseVersions(
      Long formId, String organization, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> responses.target(caller, formId, organization, municipalityId))
        .flatMap(
            t ->
                store
                    .find(formId, t.respondent())
                    .flatMapMany(row -> store.versions(row.id()))
                    .map(
                        v ->
                            new FormResponseVersionSummary(
                                v.number(),
                                ApiTimes.utc(v.submittedAt()),
                                v.submittedBy(),
                                v.definitionVersion(),
                                v.rows()))
                    .collectList())
        .map(list -> ResponseEntity.ok(Flux.fromIterable(list)));
  }

  @Override
  public Mono<ResponseEntity<FormResponseVersion>> getFormResponseVersion(
      Long formId,
      Integer number,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> responses.target(caller, formId, organization, municipalityId))
        .flatMap(t -> frozen(formId, t, number))
        .map(
            v ->
                ResponseEntity.ok(
                    new FormResponseVersion(
                        v.number(),
                        ApiTimes.utc(v.submittedAt()),
                        v.submittedBy(),
                        v.definitionVersion(),
                        new LinkedHashMap<>(v.content()))));
  }

  private Mono<FormResponseStore.Version> frozen(long formId, FormResponses.Target t, int number) {
    return store
        .find(formId, t.respondent())
        .flatMap(row -> store.version(row.id(), number))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Сданной версии " + number + " нет")));
  }

  @Override
  public Mono<ResponseEntity<FormComparison>> compareFormResponseVersions(
      Long formId,
      Integer from,
      Integer to,
      String organization,
      Long municipalityId,
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> responses.target(caller, formId, organization, municipalityId))
        .flatMap(
            t -> {
              Mono<Map<String, List<Map<String, String>>>> after =
                  to == null
                      ? store
                          .find(formId, t.respondent())
                          .map(row -> (Map<String, List<Map<String, String>>>) row.content())
                      : frozen(formId, t, to).map(FormResponseStore.Version::content);
              return Mono.zip(frozen(formId, t, from).map(v -> v.content()), after)
                  .map(
                      c -> {
                        FormComparison comparison =
                            new FormComparison(
                                from, ContentDiff.between(t.schema(), c.getT1(), c.getT2()));
                        comparison.setTo(to);
                        return comparison;
                      });
            })
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadFormTemplate(
      Long formId, String organization, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> responses.target(caller, formId, organization, municipalityId))
        .flatMap(
            t ->
                store
                    .find(formId, t.respondent())
                    .map(row -> (Map<String, List<Map<String, String>>>) row.content())
                    .defaultIfEmpty(FormValidation.of(t.schema(), Map.of(), t.prefill()).content())
                    .flatMap(content -> template(t, content)));
  }

  private Mono<ResponseEntity<Resource>> template(
      FormResponses.Target t, Map<String, List<Map<String, String>>> content) {
    FormDefinitionRow form = t.form();
    Respondent r = t.respondent();
    TemplateSignature signature =
        r.isOrganization()
            ? TemplateSignature.forOrganization(
                form.id(), form.version(), form.campaignId(), r.organizationId())
            : TemplateSignature.forMunicipality(
                form.id(), form.version(), form.campaignId(), r.municipalityId());
    FormTemplate template =
        new FormTemplate(
            form.title(),
            form.instruction(),
            form.schema(),
            r.name(),
            r.login(),
            signature,
            content);
    return WorkbookDownload.of(
        () -> {
          var out = new java.io.ByteArrayOutputStream();
          template.write(out);
          return out.toByteArray();
        },
        form.code()
            + "-"
            + (r.isOrganization() ? r.login() : "mun" + r.municipalityId())
            + ".xlsx");
  }

  @Override
  public Mono<ResponseEntity<FormResponse>> submitFormOnBehalf(
      Long formId,
      String idempotencyKey,
      Mono<FormSubmissionInput> body,
      ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                responses.submitOnBehalf(
                    t.getT1(),
                    formId,
                    idempotencyKey,
                    t.getT2().getOrganization(),
                    t.getT2().getSheets()))
        .map(
            s ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .header("Idempotent-Replayed", String.valueOf(s.replayed()))
                    .body(s.response()));
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
    return CurrentCaller.withRole(FormMonitoring.COORDINATORS)
        .flatMap(
            caller ->
                access
                    .visible(caller, formId)
                    .flatMap(
                        vf ->
                            monitoring.page(
                                caller,
                                vf,
                                regionCode,
                                municipalityId,
                                status,
                                new Paging(page, size))))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Resource>> exportFormMonitoring(
      Long formId,
      String regionCode,
      Long municipalityId,
      FormResponseStatus status,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(FormMonitoring.COORDINATORS)
        .flatMap(
            caller ->
                access
                    .visible(caller, formId)
                    .flatMap(
                        vf ->
                            monitoring
                                .all(caller, vf, regionCode, municipalityId, status)
                                .flatMap(
                                    result ->
                                        WorkbookDownload.of(
                                            () ->
                                                MonitoringWorkbook.write(vf.form().title(), result),
                                            "monitoring-" + vf.form().code() + ".xlsx"))));
  }

  // --- mapping

  private FormDefinition toApi(FormDefinitionRow form) {
    FormDefinition api =
        new FormDefinition(
            form.id(),
            form.campaignId(),
            form.code(),
            form.title(),
            form.stage(),
            form.respondent(),
            models.sheetsOf(form.schema()),
            form.version(),
            ApiTimes.utc(form.updatedAt()));
    api.setInstruction(form.instruction());
    api.setOrganizationKinds(
        form.organizationKinds().stream().map(OrganizationKind::fromValue).toList());
    api.setSubjectKey(form.subjectKey());
    return api;
  }

  private static ConflictException codeTaken(String code) {
    return new ConflictException("В кампании уже есть форма с кодом «" + code + "»");
  }

  private static ConflictException changedMeanwhile(long current) {
    return new ConflictException(
        "Форму уже изменили (версия " + current + "): обновите страницу и внесите изменения снова");
  }
}
