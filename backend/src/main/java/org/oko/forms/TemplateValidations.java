package org.oko.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.CellRef;
import org.oko.platform.excel.FormulaSafe;

/**
 * What Excel checks as the respondent types in a template ({@link TemplateWorkbook}): drop-down
 * lists (inline, or a named range on a very hidden sheet when too long), number, date and text
 * length validations with a Russian message.
 */
final class TemplateValidations {

  private TemplateValidations() {}

  /** Excel's limit on an inline list ({@code "a,b,c"}) of a data validation. */
  private static final int INLINE_LIST_LIMIT = 250;

  static void validate(
      Sheet sheet, ColumnSpec column, CellRangeAddressList cells, TemplateValidations.Lists lists) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidationConstraint constraint;
    String error;
    switch (column.type()) {
      case ENUM:
        List<String> options = column.options() == null ? List.of() : column.options();
        if (options.isEmpty()) {
          return;
        }
        constraint =
            inline(options)
                ? helper.createExplicitListConstraint(options.toArray(String[]::new))
                : helper.createFormulaListConstraint(lists.name(options));
        error = "Выберите значение из списка";
        break;
      case INTEGER:
      case TASK_SCORES:
        constraint =
            helper.createIntegerConstraint(
                OperatorType.BETWEEN, bound(column.min(), "-1E15"), bound(column.max(), "1E15"));
        error = numberError(column, "целое число");
        break;
      case DECIMAL:
        constraint =
            helper.createDecimalConstraint(
                OperatorType.BETWEEN, bound(column.min(), "-1E15"), bound(column.max(), "1E15"));
        error = numberError(column, "число");
        break;
      case DATE:
        constraint =
            helper.createDateConstraint(
                OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(2099,12,31)", "dd.MM.yyyy");
        error = "«" + column.title() + "»: дата в формате ДД.ММ.ГГГГ";
        break;
      case TEXT:
        constraint =
            helper.createTextLengthConstraint(
                OperatorType.LESS_OR_EQUAL, String.valueOf(column.effectiveMaxLength()), null);
        error = "«" + column.title() + "»: не более " + column.effectiveMaxLength() + " символов";
        break;
      default:
        return;
    }
    DataValidation validation = helper.createValidation(constraint, cells);
    validation.setShowErrorBox(true);
    validation.setEmptyCellAllowed(true);
    validation.createErrorBox("Недопустимое значение", TemplateWorkbook.cut(error, 225));
    if (column.hint() != null && !column.hint().isBlank()) {
      validation.setShowPromptBox(true);
      validation.createPromptBox(
          TemplateWorkbook.cut(column.title(), 32), TemplateWorkbook.cut(column.hint(), 255));
    }
    sheet.addValidationData(validation);
  }

  private static String numberError(ColumnSpec column, String what) {
    if (column.hint() != null && !column.hint().isBlank()) {
      return column.hint().strip();
    }
    return "«" + column.title() + "»: " + what + TemplateInstruction.range(column);
  }

  private static String bound(BigDecimal value, String otherwise) {
    return value == null ? otherwise : CellCheck.plain(value);
  }

  private static boolean inline(List<String> options) {
    int length = 0;
    for (String option : options) {
      if (option.contains(",") || option.contains("\"")) {
        return false;
      }
      length += option.length() + 1;
    }
    return length <= INLINE_LIST_LIMIT;
  }

  /**
   * The drop-down lists too long to spell inline, one per column of a very hidden sheet placed
   * after the form's sheets, each a named range.
   */
  static final class Lists {
    private final List<List<String>> lists = new ArrayList<>();

    Lists(SXSSFWorkbook workbook, String sheetName, FormSchema schema) {
      for (SheetSpec sheet : schema.sheets()) {
        for (ColumnSpec column : sheet.columns()) {
          if (column.type() == ColumnType.ENUM
              && column.editable()
              && column.options() != null
              && !column.options().isEmpty()
              && !inline(column.options())
              && !lists.contains(column.options())) {
            lists.add(column.options());
          }
        }
      }
      if (lists.isEmpty()) {
        return;
      }
      Sheet sheet = workbook.createSheet(sheetName);
      int longest = lists.stream().mapToInt(List::size).max().orElse(0);
      for (int r = 0; r < longest; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < lists.size(); c++) {
          if (r < lists.get(c).size()) {
            row.createCell(c).setCellValue(FormulaSafe.text(lists.get(c).get(r)));
          }
        }
      }
      for (int c = 0; c < lists.size(); c++) {
        Name range = workbook.createName();
        range.setNameName(name(c));
        String column = CellRef.columnLetters(c);
        range.setRefersToFormula(
            "'" + sheetName + "'!$" + column + "$1:$" + column + "$" + lists.get(c).size());
      }
      sheet.protectSheet("");
      workbook.setSheetVisibility(workbook.getSheetIndex(sheetName), SheetVisibility.VERY_HIDDEN);
    }

    /** The name of the range holding {@code options}. */
    String name(List<String> options) {
      return name(lists.indexOf(options));
    }

    private static String name(int index) {
      return "oko_list_" + (index + 1);
    }
  }
}
