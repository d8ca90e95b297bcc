package org.oko.kits;

import static org.oko.platform.excel.FormulaSafe.cell;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.CutStrips;
import org.oko.platform.excel.FillInTemplate;
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

  /** A strip of sheet «Для анкетирования» is one line of text tall. */
  private static final float ONE_LINE = 15;

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
    WorkbookBytes.Styles styles = WorkbookBytes.Styles.of(workbook);
    CellStyle wrap = workbook.createCellStyle();
    wrap.setWrapText(true);
    CellStyle editable = workbook.createCellStyle();
    editable.setLocked(false);

    instruction(workbook.createSheet(INSTRUCTION), styles.bold(), wrap);
    protocol(
        workbook,
        workbook.createSheet(PROTOCOL),
        content,
        styles.bold(),
        styles.titles(),
        editable);
    strips(workbook, workbook.createSheet(STRIPS), content, styles.boldFont());
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
    cell(title, 0, "Электронный протокол 1 (для ППО)", bold);
    cell(title, 2, "METHODIST".equals(content.category()) ? "Методисты" : "Учителя", bold);
    cell(title, 3, content.subjectName(), bold);
    Row login = sheet.createRow(1);
    cell(login, 0, "Логин ППО:", bold);
    cell(login, 1, content.pointLogin(), null);
    cell(login, 2, "Сохраните файл", null);
    Row name = sheet.createRow(2);
    cell(name, 0, "Название:", bold);
    cell(name, 1, content.pointName(), null);
    FillInTemplate.titles(sheet, HEADER_ROW, List.of(HEADER), header);
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
    CutStrips.Styles styles = CutStrips.Styles.of(workbook, bold);
    CellStyle label = styles.label();
    CellStyle value = styles.value();
    String link = content.link();
    int[] widths = {8, 16, 9, 9, 6, 40, 18, 36};
    CutStrips.write(
        sheet,
        content.kits(),
        ONE_LINE,
        widths,
        (row, kit, index) -> {
          int protocolRow = HEADER_ROW + 2 + index; // 1-based row of the kit on «Протокол 1»
          cell(row, 0, "Логин", label);
          cell(row, 1, kit.login(), value);
          cell(row, 2, "Пароль", label);
          // Before Excel recalculates, a formula shows its cached value: empty, not the password.
          formula(row, 3, password(protocolRow, kit.password()), value);
          cell(row, 4, "ФИО", label);
          formula(row, 5, name(protocolRow), value);
          cell(row, 6, "Ссылка на анкету", label);
          cell(row, 7, link, value);
        });
  }

  /** The kit's password once its comment on «Протокол 1» is «использован», else nothing. */
  private static String password(int protocolRow, String password) {
    return "IF('" + PROTOCOL + "'!C" + protocolRow + "=\"" + USED + "\",\"" + password + "\",\"\")";
  }

  /** The name typed on «Протокол 1» for the kit, once it is typed. */
  private static String name(int protocolRow) {
    return "IF('"
        + PROTOCOL
        + "'!B"
        + protocolRow
        + "=\"\",\"\",'"
        + PROTOCOL
        + "'!B"
        + protocolRow
        + ")";
  }

  private static void formula(Row row, int column, String formula, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellFormula(formula);
    cell.setCellValue("");
    cell.setCellStyle(style);
  }
}
