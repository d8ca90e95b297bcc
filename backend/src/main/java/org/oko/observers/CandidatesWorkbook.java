package org.oko.observers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FillInTemplate;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * The workbook of public observers' candidates: its template (one sheet, titles in row 1) and the
 * reading of a filled one, every wrong cell a problem with its sheet, cell and value. Reading is
 * blocking: call it on {@code boundedElastic}.
 */
final class CandidatesWorkbook {

  static final String SHEET = "Кандидаты";
  static final List<String> TITLES = List.of("ФИО", "Телефон", "Эл. почта", "Место работы");
  static final int MAX_ROWS = 1000;

  /** Which column holds which field (A: ФИО, B: Телефон, C: Эл. почта, D: Место работы). */
  private static final Map<String, String> COLUMNS =
      Map.of("fullName", "A", "phone", "B", "email", "C", "workplace", "D");

  private CandidatesWorkbook() {}

  static byte[] template() throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(50)) {
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle bold = ReferralWorkbook.bold(workbook);
      Row head = sheet.createRow(0);
      int[] widths = {40, 20, 30, 50};
      for (int i = 0; i < TITLES.size(); i++) {
        head.createCell(i).setCellValue(TITLES.get(i));
        head.getCell(i).setCellStyle(bold);
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      return ReferralWorkbook.bytes(workbook);
    }
  }

  /** Every candidate of the file, or a 422 naming every wrong cell (then nothing is proposed). */
  static List<NewObserver> read(Path file) {
    List<NewObserver> candidates = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    FillInTemplate.read(
        file,
        WorkbookReader.Limits.DEFAULT,
        SHEET,
        TITLES,
        "В файле нет листа «" + SHEET + "». Скачайте шаблон заново и заполните его.",
        (row, cells) -> candidate(row, cells, candidates, problems));
    if (!problems.isEmpty()) {
      throw new UnprocessableException(
          "Кандидаты не предложены: в файле ошибки (" + problems.size() + ")", problems);
    }
    if (candidates.isEmpty()) {
      throw refused("В файле нет ни одного кандидата: заполните строки под заголовками.");
    }
    return candidates;
  }

  /** One row below the titles: a candidate, its wrong cells, or past the limit one problem. */
  private static void candidate(
      int row,
      Map<String, String> cells,
      List<NewObserver> candidates,
      List<FieldProblem> problems) {
    if (candidates.size() + 1 > MAX_ROWS) {
      if (candidates.size() == MAX_ROWS) {
        problems.add(
            FieldProblem.inCell(
                SHEET,
                String.valueOf(row),
                null,
                "Не больше " + MAX_ROWS + " кандидатов в одном файле"));
        candidates.add(null);
      }
      return;
    }
    String name = cells.get("A");
    String phone = cells.get("B");
    String email = cells.get("C");
    String workplace = cells.get("D");
    for (var p : ObserverRules.check(name, phone, email, workplace)) {
      problems.add(
          FieldProblem.inCell(SHEET, COLUMNS.get(p.field()) + row, p.value(), p.message()));
    }
    candidates.add(
        new NewObserver(ObserverInfo.Kind.PUBLIC, name, phone, email, workplace, null, null));
  }

  private static UnprocessableException refused(String message) {
    return new UnprocessableException(
        message, List.of(new FieldProblem(null, message, SHEET, null, null)));
  }
}
