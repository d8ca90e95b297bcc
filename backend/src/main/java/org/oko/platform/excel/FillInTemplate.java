package org.oko.platform.excel;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * A workbook OKO hands out to be filled in and uploaded back, in its plain shape (written by {@link
 * WorkbookBytes}): one sheet with bold titles on row 1 and a row per item below, a choice list on a
 * column, a sheet «{@value #HELP_SHEET}» with one line of help per row; and its reading, row by row
 * in constant memory, only below the titles {@link HeaderRow} found in place (else one problem
 * naming the cell). The staff register, the accounts' bulk creation, the observers' candidates and
 * the sample read this way; the form templates ({@code forms.TemplateWorkbook}) have their own,
 * richer shape.
 *
 * <p>Blocking file and CPU work: call it on {@code Schedulers.boundedElastic()}.
 */
public final class FillInTemplate {

  /** The name of the help sheet. */
  public static final String HELP_SHEET = "Как заполнить";

  private FillInTemplate() {}

  /** The titles in bold on the 0-based row {@code at}, from column A on; the row. */
  public static Row titles(Sheet sheet, int at, List<String> titles, CellStyle bold) {
    Row row = sheet.createRow(at);
    for (int c = 0; c < titles.size(); c++) {
      row.createCell(c).setCellValue(titles.get(c));
      row.getCell(c).setCellStyle(bold);
    }
    return row;
  }

  /**
   * Only {@code choices} may be typed in the 0-based {@code column} from row 2 to {@code lastRow}
   * (0-based); anything else is refused by Excel with {@code message} under {@code title}.
   */
  public static void choices(
      Sheet sheet, int column, int lastRow, List<String> choices, String title, String message) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidation list =
        helper.createValidation(
            helper.createExplicitListConstraint(choices.toArray(String[]::new)),
            new CellRangeAddressList(1, lastRow, column, column));
    list.setShowErrorBox(true);
    list.createErrorBox(title, message);
    sheet.addValidationData(list);
  }

  /** The sheet «{@value #HELP_SHEET}»: one line per row from row 1. */
  public static void help(Workbook workbook, List<String> lines) {
    Sheet help = workbook.createSheet(HELP_SHEET);
    for (int i = 0; i < lines.size(); i++) {
      help.createRow(i).createCell(0).setCellValue(lines.get(i));
    }
  }

  /**
   * Hands {@code rows} every row below the titles of {@code sheet} (rows without a value left out):
   * its number as Excel shows it and its non-blank cells by column letter, untrimmed. Refuses (422,
   * nothing handed on after the refusal) a workbook without the sheet — with {@code noSheet} — and
   * one whose titles row is not in row 1 as {@code titles} name it, by {@link HeaderRow}'s problem
   * (the detail names the sheet first).
   */
  public static void read(
      Path file,
      WorkbookReader.Limits limits,
      String sheet,
      List<String> titles,
      String noSheet,
      WorkbookReader.LetterRowHandler rows) {
    HeaderRow header = new HeaderRow(sheet, titles, 1);
    boolean found;
    try (WorkbookReader workbook = WorkbookReader.open(file, limits)) {
      found =
          workbook.readSheetByLetter(
              sheet,
              (row, cells) -> {
                if (header.state() == HeaderRow.State.PENDING) {
                  header.offer(row, i -> cells.get(CellRef.columnLetters(i)));
                } else if (header.state() == HeaderRow.State.FOUND) {
                  rows.row(row, cells);
                }
              });
    }
    if (!found) {
      throw new UnprocessableException(
          noSheet, List.of(FieldProblem.inCell(sheet, null, null, noSheet)));
    }
    if (header.finish() == HeaderRow.State.REFUSED) {
      FieldProblem problem = header.problem().orElseThrow();
      throw new UnprocessableException(
          "Лист «" + sheet + "»: " + problem.message(), List.of(problem));
    }
  }

  /** A cell's text as typed, trimmed; null when blank. */
  public static String text(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }
}
