package org.oko.forms;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.oko.platform.excel.CellRef;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.PrintLayout;

/**
 * The form's sheets of a template ({@link TemplateWorkbook}): a TABLE sheet's group and title rows
 * and rows, a RECORD sheet's fields, each cell typed and styled as its column wants.
 */
final class TemplateSheets {

  private TemplateSheets() {}

  static void writeTable(
      Sheet sheet,
      SheetSpec spec,
      List<Map<String, String>> rows,
      TemplateStyles styles,
      TemplateValidations.Lists lists) {
    List<ColumnSpec> columns = spec.columns();
    int titleIndex = TemplateWorkbook.titleRow(spec) - 1; // 0-based
    if (TemplateWorkbook.hasGroupRow(spec)) {
      writeGroupRow(sheet, columns, styles);
    }
    Row titles = sheet.createRow(titleIndex);
    int lines = 1;
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      widths[i] = width(column);
      Cell cell = titles.createCell(i);
      cell.setCellValue(TemplateWorkbook.text(column.title()));
      cell.setCellStyle(styles.header);
      lines = Math.max(lines, (column.title().length() + widths[i] - 1) / widths[i]);
    }
    titles.setHeightInPoints(Math.min(lines, 6) * 15f);

    int count =
        spec.prefilled()
            ? rows.size()
            : Math.max(
                rows.size(), Math.min(spec.effectiveMaxRows(), TemplateWorkbook.MAX_FREE_ROWS));
    int first = titleIndex + 1;
    for (int r = 0; r < count; r++) {
      Map<String, String> values = r < rows.size() ? rows.get(r) : Map.of();
      Row row = sheet.createRow(first + r);
      for (int i = 0; i < columns.size(); i++) {
        ColumnSpec column = columns.get(i);
        Cell cell = row.createCell(i);
        if (column.type() == ColumnType.COMPUTED_SUM) {
          int excelRow = first + r + 1;
          sum(cell, spec, column, i2 -> CellRef.columnLetters(i2) + excelRow, values, styles);
        } else {
          value(cell, column, values.get(column.key()), styles);
        }
      }
    }
    if (count > 0) {
      for (int i = 0; i < columns.size(); i++) {
        ColumnSpec column = columns.get(i);
        if (column.editable()) {
          TemplateValidations.validate(
              sheet, column, new CellRangeAddressList(first, first + count - 1, i, i), lists);
        }
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
    sheet.createFreezePane(0, first);
    // Printed: the titles on every page and the rows filled now, not the thousands left to type in.
    PrintLayout.table(sheet, 0, titleIndex);
    PrintLayout.area(sheet, columns.size() - 1, titleIndex + rows.size());
    protect(sheet);
  }

  private static void writeGroupRow(Sheet sheet, List<ColumnSpec> columns, TemplateStyles styles) {
    Row row = sheet.createRow(0);
    int i = 0;
    while (i < columns.size()) {
      String group = columns.get(i).group();
      int end = i;
      while (group != null
          && !group.isBlank()
          && end + 1 < columns.size()
          && group.equals(columns.get(end + 1).group())) {
        end++;
      }
      for (int c = i; c <= end; c++) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(styles.group);
        if (c == i && group != null && !group.isBlank()) {
          cell.setCellValue(TemplateWorkbook.text(group));
        }
      }
      if (end > i) {
        sheet.addMergedRegion(new CellRangeAddress(0, 0, i, end));
      }
      i = end + 1;
    }
  }

  private static int width(ColumnSpec column) {
    int width;
    switch (column.type()) {
      case INTEGER:
      case DECIMAL:
      case TASK_SCORES:
      case COMPUTED_SUM:
        width = Math.max(6, Math.min(column.title().length() + 2, 14));
        break;
      case ENUM:
        int longest = column.title().length() / 2;
        for (String option : column.options() == null ? List.<String>of() : column.options()) {
          longest = Math.max(longest, option.length());
        }
        width = Math.max(12, Math.min(longest + 4, 40));
        break;
      case DATE:
        width = 12;
        break;
      default:
        width = Math.max(14, Math.min(column.title().length() + 2, 30));
    }
    return width;
  }

  static void writeRecord(
      Sheet sheet,
      SheetSpec spec,
      List<Map<String, String>> rows,
      TemplateStyles styles,
      TemplateValidations.Lists lists) {
    Map<String, String> values = rows == null || rows.isEmpty() ? Map.of() : rows.get(0);
    Row header = sheet.createRow(TemplateWorkbook.RECORD_FIRST_ROW - 2);
    String[] titles = {
      TemplateWorkbook.RECORD_FIELD, TemplateWorkbook.RECORD_VALUE, TemplateWorkbook.RECORD_HINT
    };
    for (int c = 0; c < titles.length; c++) {
      Cell cell = header.createCell(c);
      cell.setCellValue(titles[c]);
      cell.setCellStyle(styles.header);
    }
    List<ColumnSpec> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      Row row = sheet.createRow(TemplateWorkbook.RECORD_FIRST_ROW - 1 + i);
      Cell label = row.createCell(0);
      label.setCellValue(TemplateWorkbook.text(column.title()));
      label.setCellStyle(styles.label);
      Cell cell = row.createCell(1);
      if (column.type() == ColumnType.COMPUTED_SUM) {
        sum(cell, spec, column, c -> "B" + (TemplateWorkbook.RECORD_FIRST_ROW + c), values, styles);
      } else {
        value(cell, column, values.get(column.key()), styles);
        if (column.editable()) {
          int r = TemplateWorkbook.RECORD_FIRST_ROW - 1 + i;
          TemplateValidations.validate(sheet, column, new CellRangeAddressList(r, r, 1, 1), lists);
        }
      }
      Cell hint = row.createCell(2);
      hint.setCellValue(TemplateWorkbook.text(TemplateInstruction.describe(spec, column)));
      hint.setCellStyle(styles.note);
    }
    sheet.setColumnWidth(0, 45 * 256);
    sheet.setColumnWidth(1, 30 * 256);
    sheet.setColumnWidth(2, 80 * 256);
    sheet.createFreezePane(0, TemplateWorkbook.RECORD_FIRST_ROW - 1);
    protect(sheet);
  }

  /** A value as its column wants it: numbers as numbers, dates as dates, the rest as text. */
  private static void value(Cell cell, ColumnSpec column, String value, TemplateStyles styles) {
    boolean editable = column.editable();
    switch (column.type()) {
      case INTEGER:
      case DECIMAL:
      case TASK_SCORES:
        cell.setCellStyle(editable ? styles.editableNumber : styles.lockedNumber);
        BigDecimal number = value == null ? null : CellCheck.parseNumber(value.strip());
        if (number != null) {
          cell.setCellValue(number.doubleValue());
          return;
        }
        break;
      case DATE:
        cell.setCellStyle(editable ? styles.editableDate : styles.lockedDate);
        LocalDate date = date(value);
        if (date != null) {
          cell.setCellValue(date);
          return;
        }
        break;
      default:
        cell.setCellStyle(editable ? styles.editableText : styles.lockedText);
    }
    if (value != null && !value.isEmpty()) {
      cell.setCellValue(FormulaSafe.text(value));
    }
  }

  private static LocalDate date(String value) {
    if (value == null || !value.strip().matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}")) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip(), CellCheck.DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A locked formula summing the cells of {@code sumOf} (blank while they all are), its cached
   * value the stored total so that the file shows it even before Excel recalculates.
   */
  private static void sum(
      Cell cell,
      SheetSpec spec,
      ColumnSpec column,
      java.util.function.IntFunction<String> cellName,
      Map<String, String> values,
      TemplateStyles styles) {
    cell.setCellStyle(styles.lockedNumber);
    List<String> refs = new ArrayList<>();
    int[] indexes =
        (column.sumOf() == null ? List.<String>of() : column.sumOf())
            .stream().mapToInt(spec::columnIndex).filter(c -> c >= 0).toArray();
    int k = 0;
    while (k < indexes.length) {
      int end = k;
      while (end + 1 < indexes.length && indexes[end + 1] == indexes[end] + 1) {
        end++;
      }
      if (end > k + 1) {
        // consecutive columns are adjacent cells: of a row (TABLE) or of column B (RECORD)
        refs.add(cellName.apply(indexes[k]) + ":" + cellName.apply(indexes[end]));
      } else {
        for (int c = k; c <= end; c++) {
          refs.add(cellName.apply(indexes[c]));
        }
      }
      k = end + 1;
    }
    if (refs.isEmpty()) {
      return;
    }
    String args = String.join(",", refs);
    cell.setCellFormula("IF(COUNT(" + args + ")=0,\"\",SUM(" + args + "))");
    BigDecimal total =
        values.get(column.key()) == null ? null : CellCheck.parseNumber(values.get(column.key()));
    if (total != null) {
      cell.setCellValue(total.doubleValue());
    } else {
      cell.setCellValue("");
    }
  }

  private static void protect(Sheet sheet) {
    sheet.protectSheet("");
    if (sheet instanceof org.apache.poi.xssf.streaming.SXSSFSheet) {
      org.apache.poi.xssf.streaming.SXSSFSheet s = (org.apache.poi.xssf.streaming.SXSSFSheet) sheet;
      s.lockFormatColumns(false); // column widths may be changed
      s.lockFormatRows(false);
    }
  }
}
