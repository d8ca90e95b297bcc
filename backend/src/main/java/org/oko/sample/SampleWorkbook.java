package org.oko.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.campaigns.Subject;
import org.oko.platform.excel.FormulaSafe;

/**
 * Writes the preliminary-list template and the verification form (same columns, see {@link Column})
 * with SXSSF: the organizations' rows on the first sheet (login and name locked and grey, the rest
 * editable, drop-downs for «Участвует» and the settlement type), an instruction sheet, the
 * campaign's subjects on «Справочник», and the {@link FormSignature} on a very hidden sheet.
 *
 * <p>The workbook is returned as bytes: one region's organizations make at most a few hundred
 * kilobytes, and SXSSF keeps only a window of rows in memory while writing.
 */
final class SampleWorkbook {

  static final String SHEET = "Список ОО";
  static final String INSTRUCTION_SHEET = "Инструкция";
  static final String REFERENCE_SHEET = "Справочник";
  static final String SIGNATURE_SHEET = "Подпись";

  /** One organization's row. {@code participants} is null when nobody has stated it yet. */
  record Line(
      String login,
      String name,
      boolean participates,
      Integer participants,
      String institutionType,
      String settlementType,
      List<String> educationLevels,
      List<String> subjects) {}

  private SampleWorkbook() {}

  static byte[] write(
      FormSignature signature, String title, List<Line> lines, List<Subject> subjects) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      writeRows(workbook, lines);
      writeInstruction(workbook, signature, title);
      writeReference(workbook, subjects);
      writeSignature(workbook, signature);
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeRows(SXSSFWorkbook workbook, List<Line> lines) {
    Sheet sheet = workbook.createSheet(SHEET);
    CellStyle header = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
    header.setWrapText(true);
    CellStyle locked = workbook.createCellStyle();
    locked.setLocked(true);
    locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    CellStyle editable = workbook.createCellStyle();
    editable.setLocked(false);

    Row top = sheet.createRow(0);
    for (Column column : Column.values()) {
      top.createCell(column.index()).setCellValue(column.title);
      top.getCell(column.index()).setCellStyle(header);
    }
    int r = 1;
    for (Line line : lines) {
      Row row = sheet.createRow(r++);
      text(row, Column.LOGIN, line.login(), locked);
      text(row, Column.NAME, line.name(), locked);
      text(row, Column.PARTICIPATES, Vocabulary.yesNo(line.participates()), editable);
      if (line.participants() == null) {
        text(row, Column.PARTICIPANTS, null, editable);
      } else {
        row.createCell(Column.PARTICIPANTS.index()).setCellValue(line.participants());
        row.getCell(Column.PARTICIPANTS.index()).setCellStyle(editable);
      }
      text(row, Column.LEVELS, Vocabulary.levels(line.educationLevels()), editable);
      text(row, Column.SETTLEMENT, Vocabulary.settlement(line.settlementType()), editable);
      text(row, Column.TYPE, line.institutionType(), editable);
      text(row, Column.SUBJECTS, String.join(", ", line.subjects()), editable);
    }
    int last = Math.max(lines.size(), 1);
    DataValidationHelper validations = sheet.getDataValidationHelper();
    dropDown(sheet, validations, Column.PARTICIPATES, last, Vocabulary.YES, Vocabulary.NO);
    dropDown(
        sheet,
        validations,
        Column.SETTLEMENT,
        last,
        Vocabulary.SETTLEMENTS.values().toArray(String[]::new));
    int[] widths = {14, 60, 12, 14, 20, 26, 36, 40};
    for (Column column : Column.values()) {
      sheet.setColumnWidth(column.index(), widths[column.index()] * 256);
    }
    sheet.createFreezePane(2, 1);
    // Locks the grey cells (login, name): the server keys every row by its login.
    sheet.protectSheet("");
  }

  private static void dropDown(
      Sheet sheet, DataValidationHelper helper, Column column, int lastRow, String... values) {
    DataValidation validation =
        helper.createValidation(
            helper.createExplicitListConstraint(values),
            new CellRangeAddressList(1, lastRow, column.index(), column.index()));
    validation.setShowErrorBox(true);
    validation.createErrorBox("Недопустимое значение", "Выберите значение из списка");
    sheet.addValidationData(validation);
  }

  private static void text(Row row, Column column, String value, CellStyle style) {
    var cell = row.createCell(column.index());
    if (value != null) {
      cell.setCellValue(FormulaSafe.text(value));
    }
    cell.setCellStyle(style);
  }

  private static void writeInstruction(
      SXSSFWorkbook workbook, FormSignature signature, String title) {
    Sheet sheet = workbook.createSheet(INSTRUCTION_SHEET);
    boolean verification = signature.form().equals(FormSignature.VERIFICATION);
    List<String> text =
        List.of(
            FormulaSafe.text(title),
            "",
            "Заполните лист «" + SHEET + "»: одна строка — одна организация.",
            "Столбцы «Логин» и «Наименование» (серые) не изменяйте.",
            verification
                ? "«Участвует»: «да» — организация остаётся в выборке, «нет» — исключается."
                : "«Участвует»: «да» — организация входит в предварительный список, «нет» — не"
                    + " входит (остальные столбцы такой строки не проверяются).",
            "«Количество участников»: целое число от 0 до 100000.",
            "«Уровни образования»: через запятую из НОО, ООО, СОО, СПО, например «НОО, ООО, СОО».",
            "«Вид населённого пункта»: город, посёлок городского типа или сельская местность.",
            "«Тип ОО»: например «Средняя общеобразовательная школа», «Гимназия».",
            "«Классы и предметы»: коды предметов кампании через запятую (см. лист «"
                + REFERENCE_SHEET
                + "»).",
            verification
                ? "Загрузите файл обратно: система покажет изменения, примените их кнопкой"
                    + " «Подтвердить»."
                : "Загрузите файл обратно: список заменит ранее поданный. Ошибки будут показаны с"
                    + " адресом ячейки, при ошибках ничего не сохраняется.",
            "Файл подходит только для этой кампании и этого региона"
                + (verification ? " (муниципалитета)" : "")
                + ": не переносите строки из других файлов.");
    for (int i = 0; i < text.size(); i++) {
      sheet.createRow(i).createCell(0).setCellValue(text.get(i));
    }
    sheet.setColumnWidth(0, 120 * 256);
  }

  private static void writeReference(SXSSFWorkbook workbook, List<Subject> subjects) {
    Sheet sheet = workbook.createSheet(REFERENCE_SHEET);
    Row header = sheet.createRow(0);
    header.createCell(0).setCellValue("Код предмета");
    header.createCell(1).setCellValue("Предмет");
    header.createCell(2).setCellValue("Класс");
    int r = 1;
    for (Subject subject : subjects) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(FormulaSafe.text(subject.key()));
      row.createCell(1).setCellValue(FormulaSafe.text(subject.name()));
      if (subject.grade() != null) {
        row.createCell(2).setCellValue(subject.grade());
      }
    }
    sheet.setColumnWidth(0, 20 * 256);
    sheet.setColumnWidth(1, 50 * 256);
  }

  private static void writeSignature(SXSSFWorkbook workbook, FormSignature signature) {
    Sheet sheet = workbook.createSheet(SIGNATURE_SHEET);
    String[][] pairs = {
      {"campaign", String.valueOf(signature.campaignId())},
      {"form", signature.form()},
      {"region", signature.regionCode()},
      {"municipality", signature.municipalityId() == null ? "" : signature.municipalityId() + ""}
    };
    for (int i = 0; i < pairs.length; i++) {
      Row row = sheet.createRow(i);
      row.createCell(0).setCellValue(pairs[i][0]);
      row.createCell(1).setCellValue(pairs[i][1]);
    }
    workbook.setSheetVisibility(
        workbook.getSheetIndex(SIGNATURE_SHEET), SheetVisibility.VERY_HIDDEN);
  }
}
