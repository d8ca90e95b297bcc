package org.oko.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
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

  /**
   * A definition as typed by the federal organizer.
   *
   * @param organizationKinds the kinds of organization that fill it (null or empty: every kind of
   *     the campaign)
   * @param schema the sheets as typed, not yet prepared
   * @param version the version it changes (null for a new form)
   */
  record Input(
      String code,
      String title,
      String instruction,
      Stage stage,
      RespondentKind respondent,
      List<String> organizationKinds,
      String subjectKey,
      FormSchema schema,
      Long version) {}

  /** The rows pre-filled for one organization (by login) on a STORED sheet. */
  record PrefillRows(String organization, List<Map<String, String>> rows) {}

  private DefinitionRules() {}

  static FormDefinitionStore.Definition checked(Input in, CampaignInfo campaign) {
    List<FieldProblem> problems = new ArrayList<>();
    Subject subject = null;
    if (in.subjectKey() != null) {
      subject =
          campaign.subjects().stream()
              .filter(s -> s.key().equals(in.subjectKey()))
              .findFirst()
              .orElse(null);
      if (subject == null) {
        problems.add(
            FieldProblem.of("subjectKey", "В кампании нет предмета «" + in.subjectKey() + "»"));
      }
    }
    List<String> kinds =
        in.organizationKinds() == null
            ? List.of()
            : in.organizationKinds().stream().distinct().toList();
    for (String kind : kinds) {
      if (!campaign.organizationKinds().contains(kind)) {
        problems.add(
            FieldProblem.of(
                "organizationKinds",
                "Организации вида " + kind + " не участвуют в кампании этого вида"));
      }
    }
    FormSchema schema = in.schema();
    checkPrefill(schema, in.respondent(), in.subjectKey(), problems);
    List<FormSchemas.Task> tasks =
        subject == null || subject.tasks() == null
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
    return new FormDefinitionStore.Definition(
        in.code(),
        in.title().strip(),
        in.instruction(),
        in.stage(),
        in.respondent(),
        kinds,
        in.subjectKey(),
        prepared);
  }

  private static void checkPrefill(
      FormSchema schema,
      RespondentKind respondent,
      String subjectKey,
      List<FieldProblem> problems) {
    for (SheetSpec sheet : schema.sheets()) {
      String field = "sheets." + sheet.key() + ".prefill";
      if (sheet.prefill() == SheetSpec.Prefill.KITS) {
        if (respondent != RespondentKind.ORGANIZATION) {
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
          && respondent != RespondentKind.ORGANIZATION) {
        problems.add(
            FieldProblem.of(
                field,
                "Строки STORED задаются по организациям: форму должны заполнять организации"));
      }
      if (sheet.prefill() == SheetSpec.Prefill.MUNICIPALITY_SAMPLE) {
        if (respondent != RespondentKind.MUNICIPALITY) {
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
        int signs = sheet.columnIndex(ObjectivitySignsDirectory.COLUMN);
        if (signs >= 0 && !sheet.columns().get(signs).readOnly()) {
          problems.add(
              FieldProblem.of(
                  field,
                  "Столбец «"
                      + ObjectivitySignsDirectory.COLUMN
                      + "» заполняется признаками необъективности из отчётов: сделайте его только"
                      + " для чтения"));
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

  /**
   * The problems of rows pre-filled per organization: an organization named twice, a column the
   * sheet lacks, a key missing or repeated. (Whether each organization fills the form is asked of
   * the store.)
   */
  static List<FieldProblem> prefillProblems(SheetSpec sheet, List<PrefillRows> organizations) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> logins = new HashSet<>();
    for (int i = 0; i < organizations.size(); i++) {
      PrefillRows org = organizations.get(i);
      if (!logins.add(org.organization())) {
        problems.add(
            FieldProblem.of(
                "organizations[" + i + "].organization",
                "Организация «" + org.organization() + "» указана дважды"));
      }
      checkPrefillRows(sheet, "organizations[" + i + "].rows", org.rows(), problems);
    }
    return problems;
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

  /** The rows as stored: blank values left out, the others stripped. */
  static List<Map<String, String>> cleaned(List<Map<String, String>> rows) {
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
}
