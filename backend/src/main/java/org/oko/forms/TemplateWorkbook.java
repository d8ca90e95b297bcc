package org.oko.forms;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.CellRef;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.PrintLayout;

/**
 * «Сформировать excel шаблон»: the {@code .xlsx} a respondent fills offline and uploads back (read
 * by {@link TemplateWorkbookReader}). Written with SXSSF straight to a stream, so a 5,000-row
 * protocol needs only a window of rows in memory.
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

  /** Excel's limit on an inline list ({@code "a,b,c"}) of a data validation. */
  private static final int INLINE_LIST_LIMIT = 250;

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
      Styles styles = new Styles(workbook);
      Sheet instructionSheet = workbook.createSheet(FormWorkbookNames.INSTRUCTION);
      List<Sheet> formSheets = new ArrayList<>();
      for (SheetSpec sheet : schema.sheets()) {
        formSheets.add(workbook.createSheet(sheet.title()));
      }
      Lists lists = new Lists(workbook, listsSheetName(), schema);
      writeInstruction(instructionSheet, styles);
      for (int i = 0; i < formSheets.size(); i++) {
        SheetSpec spec = schema.sheets().get(i);
        List<Map<String, String>> rows = content == null ? null : content.get(spec.key());
        if (spec.layout() == SheetSpec.Layout.RECORD) {
          writeRecord(formSheets.get(i), spec, rows, styles, lists);
        } else {
          writeTable(formSheets.get(i), spec, rows == null ? List.of() : rows, styles, lists);
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

  // ---------------------------------------------------------------- instruction

  private void writeInstruction(Sheet sheet, Styles styles) {
    Lines lines = new Lines(sheet, styles);
    lines.add(text(title), styles.title);
    String who = respondentName == null ? "" : respondentName;
    if (respondentLogin != null && !respondentLogin.isBlank()) {
      who = who + " (логин " + respondentLogin + ")";
    }
    lines.add("Для: " + FormulaSafe.text(who), null);
    lines.blank();
    if (instruction != null && !instruction.isBlank()) {
      for (String line : instruction.strip().split("\\R")) {
        lines.add(text(line), styles.wrap);
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
    for (SheetSpec spec : schema.sheets()) {
      lines.add("Лист «" + text(spec.title()) + "»", styles.bold);
      if (spec.layout() == SheetSpec.Layout.RECORD) {
        lines.add(
            "Одна запись: названия показателей в столбце A, значения вводите в столбец B.",
            styles.wrap);
      } else if (spec.prefilled()) {
        int key = spec.columnIndex(spec.keyColumn());
        lines.add(
            "Строки заданы заранее"
                + (key < 0 ? "" : " (по столбцу «" + text(spec.columns().get(key).title()) + "»)")
                + ": не добавляйте и не удаляйте строки, заполните белые ячейки каждой строки.",
            styles.wrap);
      } else {
        lines.add(
            "Одна строка — одна запись, начиная со строки "
                + (titleRow(spec) + 1)
                + "; строк не больше "
                + spec.effectiveMaxRows()
                + ". Пустые строки пропускаются. На печать выводятся заголовки и строки,"
                + " заполненные при выгрузке шаблона: чтобы напечатать добавленные, выделите их"
                + " вместе с заголовками и задайте область печати (Разметка страницы → Область"
                + " печати).",
            styles.wrap);
      }
      for (ColumnSpec column : spec.columns()) {
        lines.pair(text(column.title()), describe(spec, column), styles);
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
            + (signature.organizationId() != null ? "организации" : "муниципалитета")
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

  private static String range(ColumnSpec column) {
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

  // ---------------------------------------------------------------- TABLE

  private void writeTable(
      Sheet sheet, SheetSpec spec, List<Map<String, String>> rows, Styles styles, Lists lists) {
    List<ColumnSpec> columns = spec.columns();
    int titleIndex = titleRow(spec) - 1; // 0-based
    if (hasGroupRow(spec)) {
      writeGroupRow(sheet, columns, styles);
    }
    Row titles = sheet.createRow(titleIndex);
    int lines = 1;
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      widths[i] = width(column);
      Cell cell = titles.createCell(i);
      cell.setCellValue(text(column.title()));
      cell.setCellStyle(styles.header);
      lines = Math.max(lines, (column.title().length() + widths[i] - 1) / widths[i]);
    }
    titles.setHeightInPoints(Math.min(lines, 6) * 15f);

    int count =
        spec.prefilled()
            ? rows.size()
            : Math.max(rows.size(), Math.min(spec.effectiveMaxRows(), MAX_FREE_ROWS));
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
          validate(sheet, column, new CellRangeAddressList(first, first + count - 1, i, i), lists);
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

  private void writeGroupRow(Sheet sheet, List<ColumnSpec> columns, Styles styles) {
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
          cell.setCellValue(text(group));
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

  // ---------------------------------------------------------------- RECORD

  private void writeRecord(
      Sheet sheet, SheetSpec spec, List<Map<String, String>> rows, Styles styles, Lists lists) {
    Map<String, String> values = rows == null || rows.isEmpty() ? Map.of() : rows.get(0);
    Row header = sheet.createRow(RECORD_FIRST_ROW - 2);
    String[] titles = {RECORD_FIELD, RECORD_VALUE, RECORD_HINT};
    for (int c = 0; c < titles.length; c++) {
      Cell cell = header.createCell(c);
      cell.setCellValue(titles[c]);
      cell.setCellStyle(styles.header);
    }
    List<ColumnSpec> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      Row row = sheet.createRow(RECORD_FIRST_ROW - 1 + i);
      Cell label = row.createCell(0);
      label.setCellValue(text(column.title()));
      label.setCellStyle(styles.label);
      Cell cell = row.createCell(1);
      if (column.type() == ColumnType.COMPUTED_SUM) {
        sum(cell, spec, column, c -> "B" + (RECORD_FIRST_ROW + c), values, styles);
      } else {
        value(cell, column, values.get(column.key()), styles);
        if (column.editable()) {
          int r = RECORD_FIRST_ROW - 1 + i;
          validate(sheet, column, new CellRangeAddressList(r, r, 1, 1), lists);
        }
      }
      Cell hint = row.createCell(2);
      hint.setCellValue(text(describe(spec, column)));
      hint.setCellStyle(styles.note);
    }
    sheet.setColumnWidth(0, 45 * 256);
    sheet.setColumnWidth(1, 30 * 256);
    sheet.setColumnWidth(2, 80 * 256);
    sheet.createFreezePane(0, RECORD_FIRST_ROW - 1);
    protect(sheet);
  }

  // ---------------------------------------------------------------- cells

  /** A value as its column wants it: numbers as numbers, dates as dates, the rest as text. */
  private static void value(Cell cell, ColumnSpec column, String value, Styles styles) {
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
      Styles styles) {
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

  private void validate(Sheet sheet, ColumnSpec column, CellRangeAddressList cells, Lists lists) {
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
    validation.createErrorBox("Недопустимое значение", cut(error, 225));
    if (column.hint() != null && !column.hint().isBlank()) {
      validation.setShowPromptBox(true);
      validation.createPromptBox(cut(column.title(), 32), cut(column.hint(), 255));
    }
    sheet.addValidationData(validation);
  }

  private static String numberError(ColumnSpec column, String what) {
    if (column.hint() != null && !column.hint().isBlank()) {
      return column.hint().strip();
    }
    return "«" + column.title() + "»: " + what + range(column);
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

  private static void protect(Sheet sheet) {
    sheet.protectSheet("");
    if (sheet instanceof org.apache.poi.xssf.streaming.SXSSFSheet) {
      org.apache.poi.xssf.streaming.SXSSFSheet s = (org.apache.poi.xssf.streaming.SXSSFSheet) sheet;
      s.lockFormatColumns(false); // column widths may be changed
      s.lockFormatRows(false);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Organizer-typed text for a cell (formula-injection safe). */
  private static String text(String value) {
    return value == null ? "" : FormulaSafe.text(value);
  }

  // ---------------------------------------------------------------- helpers

  /** Consecutive lines of the instruction sheet. */
  private static final class Lines {
    private final Sheet sheet;
    private final Styles styles;
    private int next;

    Lines(Sheet sheet, Styles styles) {
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

    void pair(String name, String description, Styles styles) {
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

  /**
   * The drop-down lists too long to spell inline, one per column of a very hidden sheet placed
   * after the form's sheets, each a named range.
   */
  private static final class Lists {
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

  /** The few cell styles of a template. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle bold;
    final CellStyle wrap;
    final CellStyle header;
    final CellStyle group;
    final CellStyle label;
    final CellStyle note;
    final CellStyle editableText;
    final CellStyle editableNumber;
    final CellStyle editableDate;
    final CellStyle lockedText;
    final CellStyle lockedNumber;
    final CellStyle lockedDate;

    Styles(SXSSFWorkbook workbook) {
      DataFormat formats = workbook.createDataFormat();
      short textFormat = formats.getFormat("@");
      short dateFormat = formats.getFormat("dd.mm.yyyy");
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      Font italic = workbook.createFont();
      italic.setItalic(true);

      title = workbook.createCellStyle();
      title.setFont(big);
      bold = workbook.createCellStyle();
      bold.setFont(boldFont);
      wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);

      header = bordered(workbook);
      header.setFont(boldFont);
      header.setWrapText(true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setLocked(true);
      group = workbook.createCellStyle();
      group.cloneStyleFrom(header);
      label = bordered(workbook);
      label.setWrapText(true);
      label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      label.setLocked(true);
      note = workbook.createCellStyle();
      note.setFont(italic);
      note.setWrapText(true);
      note.setVerticalAlignment(VerticalAlignment.TOP);
      note.setLocked(true);

      editableText = bordered(workbook);
      editableText.setLocked(false);
      editableText.setDataFormat(textFormat);
      editableNumber = bordered(workbook);
      editableNumber.setLocked(false);
      editableDate = bordered(workbook);
      editableDate.setLocked(false);
      editableDate.setDataFormat(dateFormat);

      lockedText = grey(workbook);
      lockedText.setDataFormat(textFormat);
      lockedNumber = grey(workbook);
      lockedDate = grey(workbook);
      lockedDate.setDataFormat(dateFormat);
    }

    private static CellStyle bordered(SXSSFWorkbook workbook) {
      CellStyle style = workbook.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      IndexedColors border = IndexedColors.GREY_40_PERCENT;
      style.setTopBorderColor(border.getIndex());
      style.setBottomBorderColor(border.getIndex());
      style.setLeftBorderColor(border.getIndex());
      style.setRightBorderColor(border.getIndex());
      return style;
    }

    private static CellStyle grey(SXSSFWorkbook workbook) {
      CellStyle style = bordered(workbook);
      style.setLocked(true);
      style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return style;
    }
  }
}
