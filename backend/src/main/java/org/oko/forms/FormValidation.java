package org.oko.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * Checks a whole response given as JSON (the web form's autosave, a regional system's submission):
 * every sheet through a {@link SheetValidator}, giving the normalized content and the problems.
 * Logins are checked in a second step ({@link #logins()}, then {@link #rejectUnknownLogins})
 * because looking them up is the caller's (reactive) business.
 */
public final class FormValidation {

  /** Sheet key → rows (column key → value). */
  public static final class Content extends LinkedHashMap<String, List<Map<String, String>>> {}

  private final FormSchema schema;
  private final FormProblems problems = new FormProblems();
  private final List<SheetValidator> validators = new ArrayList<>();
  private final Content content = new Content();

  private FormValidation(FormSchema schema) {
    this.schema = schema;
  }

  /**
   * @param prefill sheet key → pre-filled rows, for the pre-filled sheets
   */
  public static FormValidation of(
      FormSchema schema,
      Map<String, List<Map<String, String>>> input,
      Map<String, List<Map<String, String>>> prefill) {
    FormValidation validation = new FormValidation(schema);
    unknownSheets(schema, input).stream()
        .map(FormValidation::unknownSheet)
        .forEach(validation.problems::add);
    for (SheetSpec sheet : schema.sheets()) {
      List<Map<String, String>> rows = new ArrayList<>();
      validation.content.put(sheet.key(), rows);
      SheetValidator validator =
          new SheetValidator(
              sheet,
              sheet.prefilled() ? prefill.getOrDefault(sheet.key(), List.of()) : null,
              validation.problems,
              SheetValidator.CellNamer.NONE,
              values -> rows.add(asMap(sheet, values)));
      List<Map<String, String>> incoming = input.getOrDefault(sheet.key(), List.of());
      for (int i = 0; i < incoming.size(); i++) {
        Map<String, String> row = incoming.get(i) == null ? Map.of() : incoming.get(i);
        validation.rejectUnknownColumns(sheet, row, i + 1);
        validator.row(i + 1, asArray(sheet, row));
      }
      validator.finish();
      validation.validators.add(validator);
    }
    return validation;
  }

  /**
   * 422 if {@code input} has a sheet the form does not have. A draft is stored with its cell
   * problems, but a sheet the form lacks could not be stored at all and would silently vanish: the
   * request is refused instead, naming the sheet.
   */
  public static void requireKnownSheets(FormSchema schema, Map<String, ?> input) {
    List<String> unknown = unknownSheets(schema, input);
    if (!unknown.isEmpty()) {
      throw new UnprocessableException(
          "В форме нет "
              + (unknown.size() == 1 ? "листа " : "листов ")
              + String.join(", ", unknown.stream().map(key -> "«" + key + "»").toList())
              + ": ничего не сохранено",
          unknown.stream().map(FormValidation::unknownSheet).toList());
    }
  }

  private static List<String> unknownSheets(FormSchema schema, Map<String, ?> input) {
    return input.keySet().stream().filter(key -> schema.sheet(key) == null).toList();
  }

  private static FieldProblem unknownSheet(String key) {
    return new FieldProblem("sheets." + key, "В форме нет листа «" + key + "»", null, null, null);
  }

  /** The distinct organization logins typed anywhere, to be looked up. */
  public Set<String> logins() {
    Set<String> all = new HashSet<>();
    validators.forEach(v -> all.addAll(v.logins()));
    return all;
  }

  public void rejectUnknownLogins(Set<String> known) {
    validators.forEach(v -> v.rejectUnknownLogins(known));
  }

  /** Reports every cell with a participant code that is not in {@code issued}. */
  public void rejectUnissuedCodes(Set<String> issued) {
    validators.forEach(v -> v.rejectUnissuedCodes(issued));
  }

  public FormProblems problems() {
    return problems;
  }

  /** The normalized content: every sheet of the form, computed and read-only columns filled. */
  public Content content() {
    return content;
  }

  public FormSchema schema() {
    return schema;
  }

  private void rejectUnknownColumns(SheetSpec sheet, Map<String, String> row, int position) {
    for (String key : row.keySet()) {
      if (sheet.columnIndex(key) < 0) {
        problems.add(
            new FieldProblem(
                null,
                "В листе «" + sheet.title() + "» нет столбца «" + key + "»",
                sheet.title(),
                null,
                null,
                position,
                key));
      }
    }
  }

  static String[] asArray(SheetSpec sheet, Map<String, String> row) {
    String[] values = new String[sheet.columns().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(sheet.columns().get(i).key());
    }
    return values;
  }

  /** A checked row as JSON: empty cells are left out. */
  public static Map<String, String> asMap(SheetSpec sheet, String[] values) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        row.put(sheet.columns().get(i).key(), values[i]);
      }
    }
    return row;
  }
}
