package org.oko.kits;

import static org.oko.platform.excel.FormulaSafe.cell;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.CutStrips;
import org.oko.platform.excel.FillInTemplate;
import org.oko.platform.excel.WorkbookBytes;

/**
 * «Протокол проведения с кодами» of a school's subject (seed 004, 6.13.2), written with SXSSF.
 * Sheet «Протокол проведения»: the school, the subject and class, then a row per code with an empty
 * «ФИО участника» to fill in on the school's computer (the file is never uploaded). Sheet «Коды для
 * разрезания»: a strip per code between dashed lines, to print, cut and hand out before the work.
 */
final class CodesProtocolWorkbook {

  /** What the workbook is made of. */
  record Content(
      String schoolLogin,
      String schoolName,
      String subjectName,
      Integer grade,
      List<String> codes) {}

  static final String PROTOCOL = "Протокол проведения";
  static final String STRIPS = "Коды для разрезания";
  static final String[] HEADER = {
    "№", "Код участника", "ФИО участника (только в этом файле, в систему не передаётся)"
  };

  /** The header's row on sheet «Протокол проведения» (0-based); the first code on the next. */
  static final int HEADER_ROW = 4;

  private CodesProtocolWorkbook() {}

  static byte[] write(Content content) {
    return WorkbookBytes.write(500, workbook -> fill(workbook, content));
  }

  private static void fill(SXSSFWorkbook workbook, Content content) {
    WorkbookBytes.Styles styles = WorkbookBytes.Styles.of(workbook);
    CellStyle line = workbook.createCellStyle();
    line.setBorderBottom(BorderStyle.THIN);
    line.setLocked(false);
    protocol(workbook.createSheet(PROTOCOL), content, styles.bold(), styles.titles(), line);
    CellStyle strip = CutStrips.Styles.of(workbook, styles.boldFont()).label();
    String subject = subjectLine(content);
    CutStrips.write(
        workbook.createSheet(STRIPS),
        content.codes(),
        36,
        new int[] {70},
        (row, code, index) -> cell(row, 0, "Код участника: " + code + "   · " + subject, strip));
  }

  private static String subjectLine(Content content) {
    return content.subjectName()
        + (content.grade() == null ? "" : ", " + content.grade() + " класс");
  }

  private static void protocol(
      Sheet sheet, Content content, CellStyle bold, CellStyle header, CellStyle line) {
    cell(sheet.createRow(0), 0, "Протокол проведения ВПР с кодами участников", bold);
    Row school = sheet.createRow(1);
    cell(school, 0, "Логин ОО:", bold);
    cell(school, 1, content.schoolLogin(), null);
    cell(school, 2, content.schoolName(), null);
    Row subject = sheet.createRow(2);
    cell(subject, 0, "Предмет:", bold);
    cell(subject, 1, subjectLine(content), null);
    cell(
        sheet.createRow(3),
        0,
        "ФИО впишите на этом компьютере или от руки; файл в систему не загружайте.",
        null);
    FillInTemplate.titles(sheet, HEADER_ROW, List.of(HEADER), header);
    int r = HEADER_ROW + 1;
    for (String code : content.codes()) {
      Row row = sheet.createRow(r);
      row.createCell(0).setCellValue(r - HEADER_ROW);
      cell(row, 1, code, null);
      row.createCell(2).setCellStyle(line);
      r++;
    }
    sheet.setColumnWidth(0, 6 * 256);
    sheet.setColumnWidth(1, 18 * 256);
    sheet.setColumnWidth(2, 60 * 256);
    sheet.createFreezePane(0, HEADER_ROW + 1);
    sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
  }
}
