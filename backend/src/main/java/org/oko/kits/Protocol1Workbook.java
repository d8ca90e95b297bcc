package org.oko.kits;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookBytes;

/**
 * «Электронный протокол 1 (для ППО)» (seed 001, figures 4–7), written with SXSSF. Sheet «Протокол
 * 1» lists the point's kits, with the full name, comment and school login for the organizer to type
 * in; sheet «Для анкетирования» has a strip per kit to print and cut, whose password and name are
 * formulas over sheet «Протокол 1»: the password shows once the kit is marked «использован», the
 * name once typed. No macros; names never leave the organizer's computer.
 */
final class Protocol1Workbook {

  /** What the workbook is made of. */
  record Content(
      String category,
      String subjectName,
      String pointLogin,
      String pointName,
      String link,
      List<KitCredential> kits) {}

  static final String INSTRUCTION = "Инструкция";
  static final String PROTOCOL = "Протокол 1";
  static final String STRIPS = "Для анкетирования";
  static final String USED = "использован";
  static final String[] COMMENTS = {USED, "испорчен", "не использован"};
  static final String[] HEADER = {
    "Номер комплекта",
    "ФИО (не передаются в систему, но для заполнения обязательны)",
    "Комментарии",
    "Логин ОО, в которой работает учитель"
  };

  /** The header's row on sheet «Протокол 1» (0-based); the first kit is on the next one. */
  static final int HEADER_ROW = 3;

  private static final String[] INSTRUCTIONS = {
    "Электронный протокол 1 (для ППО)",
    "",
    "Протокол 1 — для внутреннего пользования пункта проведения: в систему он не загружается,"
        + " и загружать его не нужно.",
    "1. На листе «Протокол 1» для каждого комплекта укажите ФИО участника, которому он выдан,"
        + " комментарий (выберите из списка: «использован», «испорчен» или «не использован») и,"
        + " для использованного комплекта, логин ОО, в которой работает учитель.",
    "2. ФИО обязательны для использованных комплектов, но не передаются в систему: они остаются"
        + " только в этом файле на компьютере ответственного организатора.",
    "3. Сохраните файл. Номера комплектов, логин и название ППО изменить нельзя.",
    "4. На листе «Для анкетирования» для каждого комплекта появятся логин, пароль и ссылка на"
        + " анкету; пароль показывается только для комплекта с комментарием «использован», ФИО —"
        + " когда оно введено.",
    "5. Распечатайте лист «Для анкетирования» и разрежьте его по пунктирным линиям на полоски:"
        + " каждому участнику — его полоска сразу после прохождения оценочной процедуры.",
    "6. Сведения о комплектах (использован, испорчен, не использован) передаются в систему"
        + " только через электронный протокол 2.",
  };

  private Protocol1Workbook() {}

  static byte[] write(Content content) {
    return WorkbookBytes.write(500, workbook -> fill(workbook, content));
  }

  private static void fill(SXSSFWorkbook workbook, Content content) {
    Font boldFont = workbook.createFont();
    boldFont.setBold(true);
    CellStyle bold = workbook.createCellStyle();
    bold.setFont(boldFont);
    CellStyle wrap = workbook.createCellStyle();
    wrap.setWrapText(true);
    CellStyle header = workbook.createCellStyle();
    header.setFont(boldFont);
    header.setWrapText(true);
    header.setBorderBottom(BorderStyle.THIN);
    CellStyle editable = workbook.createCellStyle();
    editable.setLocked(false);

    instruction(workbook.createSheet(INSTRUCTION), bold, wrap);
    protocol(workbook, workbook.createSheet(PROTOCOL), content, bold, header, editable);
    strips(workbook, workbook.createSheet(STRIPS), content, boldFont);
    workbook.setActiveSheet(1);
    workbook.setForceFormulaRecalculation(true);
  }

  private static void instruction(Sheet sheet, CellStyle bold, CellStyle wrap) {
    sheet.setColumnWidth(0, 110 * 256);
    for (int i = 0; i < INSTRUCTIONS.length; i++) {
      Cell cell = sheet.createRow(i).createCell(0);
      cell.setCellValue(INSTRUCTIONS[i]);
      cell.setCellStyle(i == 0 ? bold : wrap);
    }
  }

  private static void protocol(
      SXSSFWorkbook workbook,
      Sheet sheet,
      Content content,
      CellStyle bold,
      CellStyle header,
      CellStyle editable) {
    Row title = sheet.createRow(0);
    text(title, 0, "Электронный протокол 1 (для ППО)", bold);
    text(title, 2, "METHODIST".equals(content.category()) ? "Методисты" : "Учителя", bold);
    text(title, 3, content.subjectName(), bold);
    Row login = sheet.createRow(1);
    text(login, 0, "Логин ППО:", bold);
    text(login, 1, content.pointLogin(), null);
    text(login, 2, "Сохраните файл", null);
    Row name = sheet.createRow(2);
    text(name, 0, "Название:", bold);
    text(name, 1, content.pointName(), null);
    Row head = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < HEADER.length; c++) {
      text(head, c, HEADER[c], header);
    }
    int r = HEADER_ROW + 1;
    for (KitCredential kit : content.kits()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(kit.kitNumber());
      for (int c = 1; c < HEADER.length; c++) {
        row.createCell(c).setCellStyle(editable);
      }
    }
    sheet.setColumnWidth(0, 18 * 256);
    sheet.setColumnWidth(1, 50 * 256);
    sheet.setColumnWidth(2, 20 * 256);
    sheet.setColumnWidth(3, 24 * 256);
    sheet.createFreezePane(0, HEADER_ROW + 1);
    if (!content.kits().isEmpty()) {
      int first = HEADER_ROW + 1;
      int last = HEADER_ROW + content.kits().size();
      DataValidationHelper helper = sheet.getDataValidationHelper();
      DataValidation comment =
          helper.createValidation(
              helper.createExplicitListConstraint(COMMENTS),
              new CellRangeAddressList(first, last, 2, 2));
      comment.setErrorStyle(DataValidation.ErrorStyle.STOP);
      comment.setShowErrorBox(true);
      comment.createErrorBox(
          "Неверный комментарий", "Выберите из списка: использован, испорчен или не использован");
      comment.setSuppressDropDownArrow(true);
      sheet.addValidationData(comment);
      DataValidation school =
          helper.createValidation(
              helper.createTextLengthConstraint(
                  DataValidationConstraint.OperatorType.BETWEEN, "6", "12"),
              new CellRangeAddressList(first, last, 3, 3));
      school.setErrorStyle(DataValidation.ErrorStyle.STOP);
      school.setShowErrorBox(true);
      school.createErrorBox(
          "Неверный логин ОО",
          "Логин ОО — от 6 до 12 символов, как его выдала система, например edu640001");
      sheet.addValidationData(school);
    }
    // Only the name, comment and school cells of the kits can be edited.
    sheet.protectSheet("");
    workbook.getXSSFWorkbook().getSheet(PROTOCOL).lockFormatColumns(false);
  }

  private static void strips(SXSSFWorkbook workbook, Sheet sheet, Content content, Font bold) {
    CellStyle label = workbook.createCellStyle();
    label.setFont(bold);
    label.setBorderBottom(BorderStyle.DASHED);
    CellStyle value = workbook.createCellStyle();
    value.setBorderBottom(BorderStyle.DASHED);
    String link = content.link();
    int r = 0;
    int protocolRow = HEADER_ROW + 2; // 1-based row of the first kit on sheet «Протокол 1»
    for (KitCredential kit : content.kits()) {
      Row row = sheet.createRow(r);
      text(row, 0, "Логин", label);
      text(row, 1, kit.login(), value);
      text(row, 2, "Пароль", label);
      // Before Excel recalculates, a formula shows its cached value: empty, not the password.
      formula(
          row,
          3,
          "IF('"
              + PROTOCOL
              + "'!C"
              + protocolRow
              + "=\""
              + USED
              + "\",\""
              + kit.password()
              + "\",\"\")",
          value);
      text(row, 4, "ФИО", label);
      formula(
          row,
          5,
          "IF('"
              + PROTOCOL
              + "'!B"
              + protocolRow
              + "=\"\",\"\",'"
              + PROTOCOL
              + "'!B"
              + protocolRow
              + ")",
          value);
      text(row, 6, "Ссылка на анкету", label);
      text(row, 7, link, value);
      sheet.createRow(r + 1).setHeightInPoints(18);
      r += 2;
      protocolRow++;
    }
    int[] widths = {8, 16, 9, 9, 6, 40, 18, 36};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    sheet.setDisplayGridlines(false);
    sheet.setPrintGridlines(false);
    sheet.setAutobreaks(true);
    sheet.setFitToPage(true);
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(FormulaSafe.text(value == null ? "" : value));
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void formula(Row row, int column, String formula, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellFormula(formula);
    cell.setCellValue("");
    cell.setCellStyle(style);
  }
}
