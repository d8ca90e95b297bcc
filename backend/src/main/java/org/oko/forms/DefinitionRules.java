package org.oko.forms;

import java.util.ArrayList;
import java.util.List;
import org.oko.api.model.FormDefinitionInput;
import org.oko.api.model.FormRespondentKind;
import org.oko.api.model.OrganizationKind;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * Makes a definition as typed by the federal organizer into the one stored: the subject and kinds
 * must be the campaign's, pre-filled sheets must fit who fills the form, and the schema is prepared
 * by {@link FormSchemas} (task scores expanded from the subject's tasks). Every problem is reported
 * at once as a 422.
 */
final class DefinitionRules {

  private DefinitionRules() {}

  static FormDefinitions.Definition checked(
      FormDefinitionInput in, CampaignInfo campaign, FormModels models) {
    List<FieldProblem> problems = new ArrayList<>();
    Subject subject = null;
    if (in.getSubjectKey() != null) {
      subject =
          campaign.subjects().stream()
              .filter(s -> s.key().equals(in.getSubjectKey()))
              .findFirst()
              .orElse(null);
      if (subject == null) {
        problems.add(
            FieldProblem.of("subjectKey", "В кампании нет предмета «" + in.getSubjectKey() + "»"));
      }
    }
    List<String> kinds =
        in.getOrganizationKinds() == null
            ? List.of()
            : in.getOrganizationKinds().stream()
                .map(OrganizationKind::getValue)
                .distinct()
                .toList();
    for (String kind : kinds) {
      if (!campaign.organizationKinds().contains(kind)) {
        problems.add(
            FieldProblem.of(
                "organizationKinds",
                "Организации вида " + kind + " не участвуют в кампании этого вида"));
      }
    }
    FormSchema schema = models.schemaOf(in.getSheets());
    checkPrefill(schema, in.getRespondent(), in.getSubjectKey(), problems);
    List<FormSchemas.Task> tasks =
        subject == null
            ? List.of()
            : subject.tasks().stream()
                .map(t -> new FormSchemas.Task(t.label(), t.maxScore()))
                .toList();
    FormSchema prepared = null;
    try {
      prepared = FormSchemas.prepare(schema, tasks);
    } catch (UnprocessableException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Определение формы содержит ошибки", problems);
    }
    return new FormDefinitions.Definition(
        in.getCode(),
        in.getTitle().strip(),
        in.getInstruction(),
        in.getStage(),
        in.getRespondent(),
        kinds,
        in.getSubjectKey(),
        prepared);
  }

  private static void checkPrefill(
      FormSchema schema,
      FormRespondentKind respondent,
      String subjectKey,
      List<FieldProblem> problems) {
    for (SheetSpec sheet : schema.sheets()) {
      String field = "sheets." + sheet.key() + ".prefill";
      if (sheet.prefill() == SheetSpec.Prefill.KITS) {
        if (respondent != FormRespondentKind.ORGANIZATION) {
          problems.add(
              FieldProblem.of(
                  field, "Строки KITS — комплекты пункта: форму должны заполнять организации"));
        }
        if (subjectKey == null) {
          problems.add(
              FieldProblem.of(
                  field,
                  "Для строк KITS нужен предмет формы (subjectKey): комплекты — по предмету"));
        }
        int key = sheet.keyColumn() == null ? -1 : sheet.columnIndex(sheet.keyColumn());
        if (key < 0 || !sheet.columns().get(key).readOnly()) {
          problems.add(
              FieldProblem.of(
                  "sheets." + sheet.key() + ".keyColumn",
                  "Для строк KITS нужен столбец-ключ только для чтения (номер комплекта)"));
        }
      }
      if (sheet.prefill() == SheetSpec.Prefill.STORED
          && respondent != FormRespondentKind.ORGANIZATION) {
        problems.add(
            FieldProblem.of(
                field,
                "Строки STORED задаются по организациям: форму должны заполнять организации"));
      }
      if (sheet.prefill() == SheetSpec.Prefill.MUNICIPALITY_SAMPLE) {
        if (respondent != FormRespondentKind.MUNICIPALITY) {
          problems.add(
              FieldProblem.of(
                  field,
                  "Строки MUNICIPALITY_SAMPLE — для форм, которые заполняют муниципалитеты"));
        }
        for (String key : List.of("login", "name")) {
          int i = sheet.columnIndex(key);
          if (i < 0 || !sheet.columns().get(i).readOnly()) {
            problems.add(
                FieldProblem.of(
                    field,
                    "Для строк MUNICIPALITY_SAMPLE нужен столбец «"
                        + key
                        + "» только для чтения (логин и наименование ОО)"));
          }
        }
        if (!"login".equals(sheet.keyColumn())) {
          problems.add(
              FieldProblem.of(
                  "sheets." + sheet.key() + ".keyColumn",
                  "Для строк MUNICIPALITY_SAMPLE столбец-ключ — «login»"));
        }
      }
    }
  }
}
