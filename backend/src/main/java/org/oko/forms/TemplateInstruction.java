package org.oko.forms;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.oko.platform.excel.FormulaSafe;

/**
 * The instruction sheet of a template ({@link TemplateWorkbook}): for whom, how to fill each sheet
 * and column, how to upload.
 */
final class TemplateInstruction {

  private TemplateInstruction() {}

  static void write(Sheet sheet, TemplateStyles styles, TemplateWorkbook workbook) {
    Lines lines = new Lines(sheet, styles);
    lines.add(TemplateWorkbook.text(workbook.title()), styles.title);
    String who = workbook.respondentName() == null ? "" : workbook.respondentName();
    if (workbook.respondentLogin() != null && !workbook.respondentLogin().isBlank()) {
      who = who + " (логин " + workbook.respondentLogin() + ")";
    }
    lines.add("Для: " + FormulaSafe.text(who), null);
    lines.blank();
    if (workbook.instruction() != null && !workbook.instruction().isBlank()) {
      for (String line : workbook.instruction().strip().split("\\R")) {
        lines.add(TemplateWorkbook.text(line), styles.wrap);
      }
      lines.blank();
    }
    lines.add("Как заполнить", styles.bold);
    lines.add(
        "Вводите данные только в белые ячейки. Серые ячейки заполнены системой и защищены от"
            + " изменения; итоговые суммы пересчитываются автоматически.",
        styles.wrap);
    lines.add(
        "Не переименовывайте листы, не вставляйте, не удаляйте и не переставляйте столбцы:"
            + " файл с изменённой структурой не будет принят. Столбцы правее последнего"
            + " не читаются.",
        styles.wrap);
    lines.blank();
    for (SheetSpec spec : workbook.schema().sheets()) {
      lines.add("Лист «" + TemplateWorkbook.text(spec.title()) + "»", styles.bold);
      if (spec.layout() == SheetSpec.Layout.RECORD) {
        lines.add(
            "Одна запись: названия показателей в столбце A, значения вводите в столбец B.",
            styles.wrap);
      } else if (spec.prefilled()) {
        int key = spec.columnIndex(spec.keyColumn());
        lines.add(
            "Строки заданы заранее"
                + (key < 0
                    ? ""
                    : " (по столбцу «"
                        + TemplateWorkbook.text(spec.columns().get(key).title())
                        + "»)")
                + ": не добавляйте и не удаляйте строки, заполните белые ячейки каждой строки.",
            styles.wrap);
      } else {
        lines.add(
            "Одна строка — одна запись, начиная со строки "
                + (TemplateWorkbook.titleRow(spec) + 1)
                + "; строк не больше "
                + spec.effectiveMaxRows()
                + ". Пустые строки пропускаются. На печать выводятся заголовки и строки,"
                + " заполненные при выгрузке шаблона: чтобы напечатать добавленные, выделите их"
                + " вместе с заголовками и задайте область печати (Разметка страницы → Область"
                + " печати).",
            styles.wrap);
      }
      for (ColumnSpec column : spec.columns()) {
        lines.pair(TemplateWorkbook.text(column.title()), describe(spec, column), styles);
      }
      lines.blank();
    }
    lines.add("Как загрузить", styles.bold);
    lines.add("1. Сохраните файл в формате Excel (.xlsx).", styles.wrap);
    lines.add(
        "2. В блоке «Сбор данных» нажмите «Загрузить из excel» и выберите файл. Если в файле"
            + " есть ошибки, система покажет лист, ячейку и причину каждой, и ничего не"
            + " сохранит: исправьте их и загрузите файл снова.",
        styles.wrap);
    lines.add(
        "3. Проверьте загруженные данные и нажмите «Сдать отчёт». После сдачи изменить отчёт"
            + " можно кнопкой «Редактировать», пока открыт этап.",
        styles.wrap);
    lines.add(
        "Шаблон подходит только для этой формы и этой "
            + (workbook.signature().organizationId() != null ? "организации" : "муниципалитета")
            + ". Если форма изменится, скачайте новый шаблон кнопкой «Сформировать excel"
            + " шаблон».",
        styles.wrap);
    sheet.setColumnWidth(0, 45 * 256);
    sheet.setColumnWidth(1, 100 * 256);
  }

  /** What to type in a column, in Russian: for the instruction and the RECORD hint column. */
  static String describe(SheetSpec sheet, ColumnSpec column) {
    List<String> parts = new ArrayList<>();
    switch (column.type()) {
      case INTEGER:
      case TASK_SCORES:
        parts.add("целое число" + range(column));
        break;
      case DECIMAL:
        parts.add("число" + range(column));
        break;
      case ENUM:
        parts.add(
            "одно из значений: "
                + String.join("; ", column.options() == null ? List.of() : column.options())
                + " (выберите из списка)");
        break;
      case DATE:
        parts.add("дата в формате ДД.ММ.ГГГГ");
        break;
      case ORG_LOGIN:
        parts.add("логин организации, например edu123456");
        break;
      case PARTICIPANT_CODE:
        parts.add("код участника: только цифры, без ФИО и других личных данных");
        break;
      case COMPUTED_SUM:
        parts.add("считается автоматически: сумма " + summands(sheet, column));
        break;
      default:
        parts.add(
            "текст"
                + (column.maxLength() == null ? "" : ", до " + column.maxLength() + " символов"));
        if (column.patternHint() != null && !column.patternHint().isBlank()) {
          parts.add("формат: " + column.patternHint());
        }
    }
    if (column.readOnly()) {
      parts.add("заполнено системой, не изменяется");
    } else if (column.type() != ColumnType.COMPUTED_SUM) {
      parts.add(column.required() ? "обязательно" : "необязательно");
    }
    if (column.unique()) {
      parts.add("значения не должны повторяться");
    }
    String text = String.join("; ", parts);
    if (column.hint() != null && !column.hint().isBlank()) {
      text = text + ". " + column.hint().strip();
    }
    return text;
  }

  static String range(ColumnSpec column) {
    if (column.min() != null && column.max() != null) {
      return " от " + CellCheck.plain(column.min()) + " до " + CellCheck.plain(column.max());
    }
    if (column.min() != null) {
      return " не меньше " + CellCheck.plain(column.min());
    }
    return column.max() == null ? "" : " не больше " + CellCheck.plain(column.max());
  }

  private static String summands(SheetSpec sheet, ColumnSpec column) {
    List<String> titles = new ArrayList<>();
    for (String key : column.sumOf() == null ? List.<String>of() : column.sumOf()) {
      int i = sheet.columnIndex(key);
      if (i >= 0) {
        titles.add("«" + sheet.columns().get(i).title() + "»");
      }
    }
    if (titles.size() > 6) {
      return "столбцов с " + titles.get(0) + " по " + titles.get(titles.size() - 1);
    }
    return String.join(", ", titles);
  }

  /** Consecutive lines of the instruction sheet. */
  private static final class Lines {
    private final Sheet sheet;
    private final TemplateStyles styles;
    private int next;

    Lines(Sheet sheet, TemplateStyles styles) {
      this.sheet = sheet;
      this.styles = styles;
    }

    void add(String text, CellStyle style) {
      Row row = sheet.createRow(next++);
      Cell cell = row.createCell(0);
      cell.setCellValue(text);
      if (style != null) {
        cell.setCellStyle(style);
      }
      if (style == styles.wrap && text.length() > 140) {
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 1));
        row.setHeightInPoints((text.length() / 140 + 1) * 15f);
      }
    }

    void pair(String name, String description, TemplateStyles styles) {
      Row row = sheet.createRow(next++);
      Cell a = row.createCell(0);
      a.setCellValue(name);
      a.setCellStyle(styles.wrap);
      Cell b = row.createCell(1);
      b.setCellValue(FormulaSafe.text(description));
      b.setCellStyle(styles.wrap);
      int lines = Math.max(name.length() / 45, description.length() / 100) + 1;
      if (lines > 1) {
        row.setHeightInPoints(Math.min(lines, 8) * 15f);
      }
    }

    void blank() {
      next++;
    }
  }
}
