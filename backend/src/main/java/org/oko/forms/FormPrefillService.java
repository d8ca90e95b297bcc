package org.oko.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oko.forms.DefinitionRules.PrefillRows;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rows pre-filled per organization on a form's {@code STORED} sheet (the kit numbers of a
 * point, a school's classes): set by the form's owner — the federal organizer, or the region for
 * its own form — for organizations the form is addressed to; all or none.
 */
@Service
class FormPrefillService {

  /** How many organizations and rows a prefill stored. */
  record Prefilled(int organizations, int rows) {}

  private final FormDefinitionStore definitions;
  private final FormAccess access;
  private final RespondentStore respondents;
  private final TransactionalOperator tx;

  FormPrefillService(
      FormDefinitionStore definitions,
      FormAccess access,
      RespondentStore respondents,
      TransactionalOperator tx) {
    this.definitions = definitions;
    this.access = access;
    this.respondents = respondents;
    this.tx = tx;
  }

  /** Replaces the rows pre-filled for these organizations on a STORED sheet; all or none. */
  Mono<Prefilled> setPrefill(
      Caller caller, long formId, String sheetKey, List<PrefillRows> organizations) {
    return access
        .visible(caller, formId)
        .flatMap(vf -> FormAccess.requireOwner(caller, vf))
        .flatMap(vf -> setPrefill(vf, sheetKey, organizations));
  }

  private Mono<Prefilled> setPrefill(
      FormAccess.VisibleForm vf, String sheetKey, List<PrefillRows> organizations) {
    SheetSpec sheet = vf.form().schema().sheet(sheetKey);
    if (sheet == null || sheet.prefill() != SheetSpec.Prefill.STORED) {
      return Mono.error(
          new UnprocessableException(
              "sheet",
              "В форме нет листа «" + sheetKey + "» с предзаполненными строками (STORED)"));
    }
    List<FieldProblem> problems = DefinitionRules.prefillProblems(sheet, organizations);
    Set<String> logins =
        organizations.stream().map(PrefillRows::organization).collect(Collectors.toSet());
    return respondents
        .organizations(vf.campaign().id(), vf.form().kindsIn(vf.campaign()), logins)
        .map(found -> addressedBy(vf.form(), found))
        .flatMap(
            addressed -> {
              problems.addAll(notAddressed(organizations, addressed));
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("Строки не сохранены: есть ошибки", problems));
              }
              return store(vf.form().id(), sheet.key(), organizations, addressed);
            });
  }

  /** Of the organizations found, those the form addresses (a regional form: its region's). */
  private static Map<String, Respondent> addressedBy(
      FormDefinitionRow form, Map<String, Respondent> found) {
    return found.entrySet().stream()
        .filter(e -> form.addresses(e.getValue()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static List<FieldProblem> notAddressed(
      List<PrefillRows> organizations, Map<String, Respondent> addressed) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < organizations.size(); i++) {
      String login = organizations.get(i).organization();
      if (!addressed.containsKey(login)) {
        problems.add(
            FieldProblem.of(
                "organizations[" + i + "].organization",
                "Организация «"
                    + login
                    + "» не заполняет эту форму: её нет в опубликованной выборке кампании"));
      }
    }
    return problems;
  }

  private Mono<Prefilled> store(
      long formId,
      String sheetKey,
      List<PrefillRows> organizations,
      Map<String, Respondent> addressed) {
    return Flux.fromIterable(organizations)
        .concatMap(
            org ->
                definitions.setPrefill(
                    formId,
                    sheetKey,
                    addressed.get(org.organization()).organizationId(),
                    DefinitionRules.cleaned(org.rows())))
        .then()
        .as(tx::transactional)
        .thenReturn(
            new Prefilled(
                organizations.size(), organizations.stream().mapToInt(o -> o.rows().size()).sum()));
  }
}
