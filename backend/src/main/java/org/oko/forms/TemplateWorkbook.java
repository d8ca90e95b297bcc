package org.oko.forms;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;

/**
 * «Сформировать excel шаблон»: the {@code .xlsx} a respondent fills offline and uploads back (read
 * by {@link TemplateWorkbookReader}). Written with SXSSF straight to a stream, so a 5,000-row
 * protocol needs only a window of rows in memory.
 *
 * <p>The parts: {@link TemplateInstruction}, {@link TemplateSheets} (TABLE and RECORD sheets),
 * {@link TemplateValidations} (drop-down lists and data validations), {@link TemplateStyles}.
 *
 * <p>Sheets: {@value FormWorkbookNames#INSTRUCTION} (what to fill and how to upload), one sheet per
 * form sheet named by its title, a very hidden {@value #LISTS} sheet when a drop-down list is too
 * long to spell inline, and the very hidden {@value FormWorkbookNames#SIGNATURE} ({@link
 * TemplateSignature}).
 *
 * <p>A TABLE sheet: an optional group header row (a merged cell over adjacent columns of the same
 * {@code group}), the titles row, then the rows — exactly the pre-filled ones on a pre-filled
 * sheet, else the current rows and empty ones up to {@code min(maxRows, 5000)}. A RECORD sheet: a
 * header row, then one line per field (title in A, value in B, what to type in C). Read-only and
 * computed cells are grey and locked (the sheet is protected, the cells to type in are unlocked);
 * enumerations get a drop-down, numbers, dates and text lengths a data validation with a Russian
 * message; a computed sum gets an Excel formula for convenience (the server recomputes it).
 *
 * @param content sheet key → rows to pre-fill (the current response, or the pre-filled rows)
 * @param respondentLogin null for a municipality
 */
record TemplateWorkbook(
    String title,
    String instruction,
    FormSchema schema,
    String respondentName,
    String respondentLogin,
    TemplateSignature signature,
    Map<String, List<Map<String, String>>> content) {

  /** Rows of a free sheet left open for typing at most (the form may accept more). */
  static final int MAX_FREE_ROWS = 5000;

  /** The very hidden sheet holding drop-down lists too long for an inline list. */
  static final String LISTS = "Списки";

  /** A RECORD sheet's first field is on this row (1-based); row 1 is its header. */
  static final int RECORD_FIRST_ROW = 2;

  static final String RECORD_FIELD = "Показатель";
  static final String RECORD_VALUE = "Значение";
  static final String RECORD_HINT = "Что вводить";

  private static final int WINDOW = 200;

  /** Whether a TABLE sheet has a group header row above its titles. */
  static boolean hasGroupRow(SheetSpec sheet) {
    return sheet.columns().stream().anyMatch(c -> c.group() != null && !c.group().isBlank());
  }

  /** The 1-based row of a TABLE sheet's column titles; data starts on the next row. */
  static int titleRow(SheetSpec sheet) {
    return hasGroupRow(sheet) ? 2 : 1;
  }

  /** Writes the workbook to {@code out} (not closed). Blocking: call it off the event loop. */
  void write(OutputStream out) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    try {
      TemplateStyles styles = new TemplateStyles(workbook);
      Sheet instructionSheet = workbook.createSheet(FormWorkbookNames.INSTRUCTION);
      List<Sheet> formSheets = new ArrayList<>();
      for (SheetSpec sheet : schema.sheets()) {
        formSheets.add(workbook.createSheet(sheet.title()));
      }
      var lists = new TemplateValidations.Lists(workbook, listsSheetName(), schema);
      TemplateInstruction.write(instructionSheet, styles, this);
      for (int i = 0; i < formSheets.size(); i++) {
        SheetSpec spec = schema.sheets().get(i);
        List<Map<String, String>> rows = content == null ? null : content.get(spec.key());
        if (spec.layout() == SheetSpec.Layout.RECORD) {
          TemplateSheets.writeRecord(formSheets.get(i), spec, rows, styles, lists);
        } else {
          TemplateSheets.writeTable(
              formSheets.get(i), spec, rows == null ? List.of() : rows, styles, lists);
        }
      }
      signature.writeTo(workbook, title);
      workbook.getXSSFWorkbook().lockStructure();
      workbook.setForceFormulaRecalculation(true);
      workbook.setActiveSheet(0);
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  private String listsSheetName() {
    String name = LISTS;
    while (true) {
      String candidate = name;
      if (schema.sheets().stream().noneMatch(s -> s.title().equalsIgnoreCase(candidate))) {
        return name;
      }
      name = name + "_";
    }
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Organizer-typed text for a cell (formula-injection safe). */
  static String text(String value) {
    return value == null ? "" : FormulaSafe.text(value);
  }

  // ---------------------------------------------------------------- helpers
}
