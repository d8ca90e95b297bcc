package org.oko.forms;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.Stage;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Form definitions: the federal organizer — or a region, its own forms (seed 003 11.4/12) — defines
 * forms per campaign and publishes new versions (the list of forms is {@link FormListService}'s,
 * the pre-filled rows {@link FormPrefillService}'s, earlier versions {@link FormVersionService}'s).
 * {@link #define} and {@link #prefill} do the same without a request (demo data, administration),
 * on behalf of the federal organizer.
 */
@Service
public class FormDefinitionService {

  private final FormDefinitionStore definitions;
  private final FormAccess access;
  private final CampaignDirectory campaigns;
  private final TransactionalOperator tx;
  private final Clock clock;

  FormDefinitionService(
      FormDefinitionStore definitions,
      FormAccess access,
      CampaignDirectory campaigns,
      TransactionalOperator tx,
      Clock clock) {
    this.definitions = definitions;
    this.access = access;
    this.campaigns = campaigns;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<FormDefinitionRow> get(Caller caller, long formId) {
    return access.visible(caller, formId).map(FormAccess.VisibleForm::form);
  }

  // --- defining

  /**
   * A new form, version 1: the federal organizer's, or a regional coordinator's own form for its
   * region (seed 003 11.4/12), in a campaign its region takes part in (404 otherwise).
   */
  Mono<FormDefinitionRow> create(Caller caller, long campaignId, DefinitionRules.Input in) {
    String owner = FormAccess.ownerRegion(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .map(campaign -> DefinitionRules.checked(in, campaign))
        .flatMap(d -> insertUnlessTaken(campaignId, owner, d, publisher(caller)))
        .onErrorMap(DataIntegrityViolationException.class, e -> codeTaken(in.code()))
        .flatMap(definitions::find);
  }

  /**
   * The template {@code in} would get, checked as {@link #create} checks it and stored nowhere: a
   * sample whose signature names no form (form 0), so that a filled sample is refused on upload.
   */
  Mono<TemplateWorkbook> previewTemplate(Caller caller, long campaignId, DefinitionRules.Input in) {
    return campaigns
        .visibleTo(caller, campaignId)
        .map(
            campaign -> {
              FormDefinitionStore.Definition d = DefinitionRules.checked(in, campaign);
              TemplateSignature sample =
                  d.respondent() == RespondentKind.MUNICIPALITY
                      ? TemplateSignature.forMunicipality(0, 0, campaignId, 0L)
                      : TemplateSignature.forOrganization(0, 0, campaignId, 0);
              return new TemplateWorkbook(
                  d.title(),
                  d.instruction(),
                  d.schema(),
                  "Образец: организация появится в шаблоне опубликованной формы",
                  "образец",
                  sample,
                  FormValidation.of(d.schema(), Map.of(), Map.of()).content());
            });
  }

  private Mono<Long> insertUnlessTaken(
      long campaignId,
      String owner,
      FormDefinitionStore.Definition d,
      FormDefinitionStore.Publisher by) {
    return definitions
        .codeTaken(campaignId, owner, d.code(), null)
        .flatMap(
            taken ->
                taken
                    ? Mono.error(codeTaken(d.code()))
                    : tx.transactional(
                        definitions.insert(campaignId, owner, d, by, clock.instant())));
  }

  /**
   * The next version of a form, if {@code in.version()} is still the current one; only its owner
   * changes it ({@link FormAccess#requireOwner}).
   */
  Mono<FormDefinitionRow> update(Caller caller, long formId, DefinitionRules.Input in) {
    if (in.version() == null) {
      return Mono.error(
          new UnprocessableException(
              "version", "Укажите версию формы, которую вы изменяете (version)"));
    }
    return access
        .visible(caller, formId)
        .flatMap(vf -> FormAccess.requireOwner(caller, vf))
        .flatMap(
            vf -> {
              FormDefinitionRow form = vf.form();
              FormDefinitionStore.Definition d = DefinitionRules.checked(in, vf.campaign());
              if (form.version() != in.version()) {
                return Mono.error(changedMeanwhile(form.version()));
              }
              return requireChangeable(form, d)
                  .then(
                      definitions
                          .update(form.id(), in.version(), d, publisher(caller), clock.instant())
                          .as(tx::transactional))
                  .flatMap(
                      updated ->
                          updated
                              ? definitions.find(form.id())
                              : Mono.error(changedMeanwhile(form.version())));
            });
  }

  /** The code is not another form's; who fills it does not change once someone has started. */
  private Mono<Void> requireChangeable(FormDefinitionRow form, FormDefinitionStore.Definition d) {
    return definitions
        .codeTaken(form.campaignId(), form.regionCode(), d.code(), form.id())
        .flatMap(
            taken -> taken ? Mono.error(codeTaken(d.code())) : definitions.hasResponses(form.id()))
        .flatMap(started -> started ? requireCompatible(form, d) : Mono.empty());
  }

  /**
   * A form someone has started gets only changes its saved responses survive (DefinitionChanges);
   * every other one is named, and nothing is published.
   */
  private static Mono<Void> requireCompatible(
      FormDefinitionRow form, FormDefinitionStore.Definition d) {
    if (d.respondent() != form.respondent()) {
      return Mono.error(
          new UnprocessableException(
              "respondent", "Форму уже начали заполнять: изменить, кто её заполняет, нельзя"));
    }
    List<FieldProblem> problems = DefinitionChanges.incompatible(form.schema(), d.schema());
    return problems.isEmpty()
        ? Mono.empty()
        : Mono.error(
            new UnprocessableException(
                "Новая версия не опубликована: форму уже начали заполнять, а изменения несовместимы"
                    + " с сохранёнными ответами",
                problems));
  }

  // --- without a request

  /**
   * Stores version 1 of a form; run it in a transaction.
   *
   * @param tasks the tasks of the subject, for {@code TASK_SCORES} columns (else empty)
   * @return the form's id
   */
  public Mono<Long> define(
      long campaignId,
      String code,
      String title,
      String instruction,
      Stage stage,
      RespondentKind respondent,
      List<String> organizationKinds,
      String subjectKey,
      FormSchema schema,
      List<FormSchemas.Task> tasks) {
    FormSchema prepared = FormSchemas.prepare(schema, tasks);
    return definitions.insert(
        campaignId,
        null,
        new FormDefinitionStore.Definition(
            code, title, instruction, stage, respondent, organizationKinds, subjectKey, prepared),
        new FormDefinitionStore.Publisher("federal", null),
        clock.instant());
  }

  /** Sets the rows pre-filled for one organization on a {@code STORED} sheet (demo data). */
  public Mono<Void> prefill(
      long formId, String sheetKey, long organizationId, List<Map<String, String>> rows) {
    return definitions.setPrefill(formId, sheetKey, organizationId, rows);
  }

  private static FormDefinitionStore.Publisher publisher(Caller caller) {
    return new FormDefinitionStore.Publisher(caller.login(), caller.displayName());
  }

  private static ConflictException codeTaken(String code) {
    return new ConflictException("В кампании уже есть форма с кодом «" + code + "»");
  }

  private static ConflictException changedMeanwhile(long current) {
    return new ConflictException(
        "Форму уже изменили (версия " + current + "): обновите страницу и внесите изменения снова");
  }
}
