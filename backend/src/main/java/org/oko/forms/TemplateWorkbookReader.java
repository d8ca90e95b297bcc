package org.oko.forms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.platform.excel.CellRef;
import org.oko.platform.excel.HeaderRow;
import org.oko.platform.excel.WorkbookLimitException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.web.FieldProblem;

/**
 * «Загрузить из excel»: reads a filled {@link TemplateWorkbook} from a staged file, streaming, and
 * checks it with the same {@link SheetValidator} rules as the web form; every problem names its
 * sheet, cell ({@code D5}), value and reason.
 *
 * <p>First the signature: a file that is not a template of this form, or was made for another
 * respondent, or for an older version of the definition, is refused as a whole (one problem,
 * nothing else read, {@link #refused()}). Then each form sheet by its title: a TABLE sheet's titles
 * row must match the definition ({@link HeaderRow}: a moved or inserted column is named by its
 * cell, a row inserted above the titles by where the titles were found, and nothing below is read),
 * columns right of the last defined one are ignored, empty rows are skipped; a RECORD sheet's field
 * titles are in column A and the values in column B.
 *
 * <p>Like {@link FormValidation}, logins are checked in a second step ({@link #logins()}, then
 * {@link #rejectUnknownLogins}); the content is to be stored only when {@link #problems()} is
 * empty.
 *
 * <p>Memory: rows are kept as compact {@code String[]} (short values such as scores shared), and
 * {@link #content()} presents them as maps made on demand (a read-only view, {@link CompactRows}).
 * 200,000 rows of 8 columns retain about 55 MB (rows plus the validator's index of unique codes)
 * and read within {@code -Xmx64m}. Blocking file and CPU work: call it on {@code
 * Schedulers.boundedElastic()}.
 */
final class TemplateWorkbookReader {

  private static final int MAX_SIGNATURE_ROWS = 50;

  private final FormSchema schema;
  private final FormProblems problems = new FormProblems();
  private final FormValidation.Content content = new FormValidation.Content();
  private final List<SheetValidator> validators = new ArrayList<>();
  private final CompactRows.Shared shared = new CompactRows.Shared();
  private boolean refused;

  private TemplateWorkbookReader(FormSchema schema) {
    this.schema = schema;
  }

  /**
   * Reads and checks the file.
   *
   * @param expected the signature of the template this respondent would download now
   * @param prefill sheet key → pre-filled rows, for the pre-filled sheets
   * @throws org.oko.platform.web.UnsupportedTypeException when the file is not an {@code .xlsx}
   * @throws org.oko.platform.excel.UnreadableWorkbookException when it cannot be read
   */
  static TemplateWorkbookReader read(
      Path file,
      FormSchema schema,
      TemplateSignature expected,
      Map<String, List<Map<String, String>>> prefill,
      WorkbookReader.Limits limits) {
    TemplateWorkbookReader reader = new TemplateWorkbookReader(schema);
    for (SheetSpec sheet : schema.sheets()) {
      reader.content.put(sheet.key(), List.of());
    }
    try (WorkbookReader workbook = WorkbookReader.open(file, limits)) {
      if (!reader.signed(workbook, expected)) {
        reader.refused = true;
        return reader;
      }
      List<String> names = workbook.sheetNames();
      for (SheetSpec sheet : schema.sheets()) {
        String name = sheetName(names, sheet.title());
        if (name == null) {
          reader.problems.add(
              new FieldProblem(
                  null,
                  "В файле нет листа «"
                      + sheet.title()
                      + "»: не переименовывайте и не удаляйте листы шаблона",
                  sheet.title(),
                  null,
                  null));
          continue;
        }
        List<Map<String, String>> rows = prefill == null ? null : prefill.get(sheet.key());
        try {
          if (sheet.layout() == SheetSpec.Layout.RECORD) {
            reader.readRecord(workbook, name, sheet, sheet.prefilled() ? rows(rows) : null);
          } else {
            reader.readTable(workbook, name, sheet, sheet.prefilled() ? rows(rows) : null);
          }
        } catch (WorkbookLimitException e) {
          reader.problems.add(
              new FieldProblem(null, e.getMessage(), e.sheet(), e.cell(), null, null, null));
          break;
        }
      }
    }
    return reader;
  }

  /** The content read: every sheet of the form (empty when it could not be read). */
  FormValidation.Content content() {
    return content;
  }

  FormProblems problems() {
    return problems;
  }

  FormSchema schema() {
    return schema;
  }

  /** Whether the file was refused as a whole by its signature (nothing but that one problem). */
  boolean refused() {
    return refused;
  }

  /** The distinct organization logins typed anywhere, to be looked up. */
  Set<String> logins() {
    Set<String> all = new HashSet<>();
    validators.forEach(v -> all.addAll(v.logins()));
    return all;
  }

  /** Reports every cell with a login that is not in {@code known}. */
  void rejectUnknownLogins(Set<String> known) {
    validators.forEach(v -> v.rejectUnknownLogins(known));
  }

  void rejectUnissuedCodes(Set<String> issued) {
    validators.forEach(v -> v.rejectUnissuedCodes(issued));
  }

  // ---------------------------------------------------------------- signature

  private boolean signed(WorkbookReader workbook, TemplateSignature expected) {
    Map<String, String> pairs = new HashMap<>();
    boolean found =
        workbook.readSheet(
            FormWorkbookNames.SIGNATURE,
            (number, row) -> {
              String key = row.get(0);
              if (number <= MAX_SIGNATURE_ROWS && key != null) {
                String value = row.get(1);
                pairs.put(key.strip(), value == null ? "" : value.strip());
              }
            });
    String refusal = TemplateSignature.refusal(found ? pairs : Map.of(), expected);
    if (refusal != null) {
      problems.add(new FieldProblem(null, refusal, null, null, null));
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- TABLE

  private void readTable(
      WorkbookReader workbook, String name, SheetSpec sheet, List<Map<String, String>> prefill) {
    List<ColumnSpec> columns = sheet.columns();
    int titleRow = TemplateWorkbook.titleRow(sheet);
    List<String[]> rows = new ArrayList<>();
    SheetValidator validator =
        new SheetValidator(
            sheet,
            prefill,
            problems,
            (row, column) -> CellRef.columnLetters(column) + row,
            values -> rows.add(shared.compact(values)));
    HeaderRow header =
        new HeaderRow(sheet.title(), columns.stream().map(ColumnSpec::title).toList(), titleRow);
    workbook.readSheet(
        name,
        (number, row) -> {
          if (header.state() == HeaderRow.State.PENDING) {
            header.offer(number, i -> unescape(row.get(i)));
            return;
          }
          if (header.state() == HeaderRow.State.REFUSED) {
            return; // read by position: nothing below a wrong titles row means anything
          }
          String[] values = new String[columns.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = unescape(row.get(i));
          }
          validator.row(number, values);
        });
    if (header.finish() == HeaderRow.State.REFUSED) {
      problems.add(header.problem().orElseThrow());
      return;
    }
    validator.finish();
    validators.add(validator);
    content.put(sheet.key(), new CompactRows(sheet, rows));
  }

  // ---------------------------------------------------------------- RECORD

  private void readRecord(
      WorkbookReader workbook, String name, SheetSpec sheet, List<Map<String, String>> prefill) {
    List<ColumnSpec> columns = sheet.columns();
    int first = TemplateWorkbook.RECORD_FIRST_ROW;
    String[] values = new String[columns.size()];
    boolean[] seen = new boolean[columns.size()];
    boolean[] broken = new boolean[1];
    workbook.readSheet(
        name,
        (number, row) -> {
          int i = number - first;
          if (broken[0] || i < 0 || i >= columns.size()) {
            return;
          }
          if (!sameTitle(columns.get(i).title(), row.get(0))) {
            String found = row.get(0) == null ? null : unescape(row.get(0)).strip();
            problems.add(recordTitleProblem(sheet, i, found));
            broken[0] = true;
            return;
          }
          seen[i] = true;
          values[i] = unescape(row.get(1));
        });
    if (broken[0]) {
      return;
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        problems.add(recordTitleProblem(sheet, i, null));
        return;
      }
    }
    List<String[]> rows = new ArrayList<>(1);
    SheetValidator validator =
        new SheetValidator(
            sheet, prefill, problems, (row, column) -> "B" + (first + column), rows::add);
    validator.row(first, values);
    validator.finish();
    validators.add(validator);
    content.put(sheet.key(), new CompactRows(sheet, rows));
  }

  private static FieldProblem recordTitleProblem(SheetSpec sheet, int field, String found) {
    String cell = "A" + (TemplateWorkbook.RECORD_FIRST_ROW + field);
    return new FieldProblem(
        null,
        "В ячейке "
            + cell
            + " должно быть «"
            + sheet.columns().get(field).title()
            + "», а "
            + (found == null ? "ячейка пуста" : "стоит «" + cut(found) + "»")
            + ": не вставляйте, не удаляйте и не переставляйте строки шаблона",
        sheet.title(),
        cell,
        found);
  }

  // ---------------------------------------------------------------- helpers

  private static String sheetName(List<String> names, String title) {
    if (names.contains(title)) {
      return title;
    }
    return names.stream().filter(n -> n.strip().equalsIgnoreCase(title)).findFirst().orElse(null);
  }

  private static List<Map<String, String>> rows(List<Map<String, String>> prefill) {
    return prefill == null ? List.of() : prefill;
  }

  private static boolean sameTitle(String expected, String found) {
    return HeaderRow.sameTitle(expected, unescape(found));
  }

  /**
   * Undoes the apostrophe {@link org.oko.platform.excel.FormulaSafe} puts before text starting with
   * {@code = + - @}, so a value round-trips as it was.
   */
  static String unescape(String value) {
    if (value != null
        && value.length() > 1
        && value.charAt(0) == '\''
        && "=+-@".indexOf(value.charAt(1)) >= 0) {
      return value.substring(1);
    }
    return value;
  }

  private static String cut(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
