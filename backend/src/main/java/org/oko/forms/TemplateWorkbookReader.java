package org.oko.forms;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>Logins are checked in a second step ({@link #logins()}, then {@link #rejectUnknownLogins});
 * the content is stored only when {@link #problems()} is empty. An upload streams each checked row
 * to a {@link RowSink} (issue 24: into {@code COPY}, {@link UploadRowsStream}), keeping only the
 * keys the sheet rules need; read whole, rows are kept compact ({@link CompactRows}). Blocking file
 * and CPU work: call it on {@code Schedulers.boundedElastic()}.
 */
final class TemplateWorkbookReader {

  /**
   * Receives each checked row of a sheet in order (normalized, in column order, its own array), and
   * whether the file has had no problem so far.
   */
  @FunctionalInterface
  interface RowSink {
    void row(SheetSpec sheet, String[] values, boolean clean);
  }

  private final FormProblems problems = new FormProblems();
  private final List<SheetValidator> validators = new ArrayList<>();
  private final RowSink sink;
  private FormValidation.Content content = new FormValidation.Content();
  private boolean refused;

  private TemplateWorkbookReader(RowSink sink) {
    this.sink = sink;
  }

  /** Reads and checks the file, keeping its rows ({@link #content()}). */
  static TemplateWorkbookReader read(
      Path file,
      FormSchema schema,
      TemplateSignature expected,
      Map<String, List<Map<String, String>>> prefill,
      WorkbookReader.Limits limits) {
    CompactRows.Collector rows = new CompactRows.Collector();
    TemplateWorkbookReader reader = read(file, schema, expected, prefill, limits, rows);
    reader.content = rows.content(schema);
    return reader;
  }

  /**
   * Reads and checks the file, handing each checked row to {@code sink} as it is read (rows of a
   * file with problems too: the caller decides).
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
      WorkbookReader.Limits limits,
      RowSink sink) {
    TemplateWorkbookReader reader = new TemplateWorkbookReader(sink);
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
        List<Map<String, String>> rows = sheet.prefilled() ? rows(prefill, sheet) : null;
        try {
          if (sheet.layout() == SheetSpec.Layout.RECORD) {
            reader.readRecord(workbook, name, sheet, rows);
          } else {
            reader.readTable(workbook, name, sheet, rows);
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

  /** The content read whole: every sheet of the form (empty when it could not be read). */
  FormValidation.Content content() {
    return content;
  }

  FormProblems problems() {
    return problems;
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

  private boolean signed(WorkbookReader workbook, TemplateSignature expected) {
    String refusal = TemplateSignature.refusal(workbook, expected);
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
    SheetValidator validator =
        new SheetValidator(
            sheet,
            prefill,
            problems,
            (row, column) -> CellRef.columnLetters(column) + row,
            values -> sink.row(sheet, values, problems.isEmpty()));
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
    SheetValidator validator =
        new SheetValidator(
            sheet,
            prefill,
            problems,
            (row, column) -> "B" + (first + column),
            checked -> sink.row(sheet, checked, problems.isEmpty()));
    validator.row(first, values);
    validator.finish();
    validators.add(validator);
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

  private static List<Map<String, String>> rows(
      Map<String, List<Map<String, String>>> prefill, SheetSpec sheet) {
    return prefill == null ? List.of() : prefill.getOrDefault(sheet.key(), List.of());
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
