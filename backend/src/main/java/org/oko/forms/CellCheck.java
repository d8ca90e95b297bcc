package org.oko.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.oko.platform.excel.CellDates;

/**
 * Checks one typed value against its column and brings it to one spelling: {@code " 12 "} and
 * {@code "12.0"} become {@code 12}, {@code "12,5"} becomes {@code 12.5}, an Excel date number or
 * {@code 2025-09-01} becomes {@code 01.09.2025}, an enum option matches whatever its case. Reused
 * for every cell of a sheet (no allocation on the common path): read {@link #value()} or {@link
 * #error()} after {@link #check}.
 */
final class CellCheck {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final Pattern LOGIN = Pattern.compile("[a-z]{2,4}[0-9]{4,8}");
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private final ColumnSpec column;
  private final Pattern pattern;

  /** The column's bounds for a whole number, as {@code long}s (either side open: the extreme). */
  private final long lowest;

  private final long highest;

  private String value;
  private String error;

  CellCheck(ColumnSpec column) {
    this.column = column;
    this.pattern = column.pattern() == null ? null : Pattern.compile(column.pattern());
    this.lowest = bound(column.min(), RoundingMode.CEILING, Long.MIN_VALUE);
    this.highest = bound(column.max(), RoundingMode.FLOOR, Long.MAX_VALUE);
  }

  private static long bound(BigDecimal limit, RoundingMode rounding, long open) {
    if (limit == null) {
      return open;
    }
    BigDecimal whole = limit.setScale(0, rounding);
    return whole.compareTo(BigDecimal.valueOf(open)) * Long.signum(open) >= 0
        ? open
        : whole.longValueExact();
  }

  ColumnSpec column() {
    return column;
  }

  String value() {
    return value;
  }

  String error() {
    return error;
  }

  /**
   * @param raw the value as typed or read; null or blank is empty
   * @return whether it is acceptable (an empty value is acceptable here: {@code required} is the
   *     row's business)
   */
  boolean check(String raw) {
    error = null;
    value = raw == null ? null : raw.strip();
    if (value == null || value.isEmpty()) {
      value = null;
      return true;
    }
    if (value.length() > column.effectiveMaxLength()) {
      return fail(
          "Не более " + column.effectiveMaxLength() + " символов (сейчас " + value.length() + ")");
    }
    switch (column.type()) {
      case INTEGER:
      case TASK_SCORES:
        return number(true);
      case DECIMAL:
        return number(false);
      case ENUM:
        return option();
      case DATE:
        return date();
      case ORG_LOGIN:
        value = value.toLowerCase(Locale.ROOT);
        return LOGIN.matcher(value).matches()
            || fail("Логин организации выглядит так: edu123456 (буквы и цифры)");
      case PARTICIPANT_CODE:
        value = integerText(value);
        return digits(value, 12) && matchesPattern()
            || fail("Код участника — только цифры, не больше 12 (без ФИО и других личных данных)");
      case COMPUTED_SUM:
        return true;
      default:
        return matchesPattern()
            || fail(
                "Не подходит под формат"
                    + (column.patternHint() == null ? "" : ": " + column.patternHint()));
    }
  }

  private boolean matchesPattern() {
    return pattern == null || pattern.matcher(value).matches();
  }

  private boolean number(boolean integer) {
    if (isPlainInteger(value)) {
      // The common case (a score, a variant) without BigDecimal: 200,000 rows × 8 numbers.
      long number = Long.parseLong(value);
      if (number < lowest || number > highest) {
        return fail(rangeMessage());
      }
      if (!canonical(value)) {
        value = Long.toString(number);
      }
      return true;
    }
    BigDecimal number = parseNumber(value);
    if (number == null) {
      if (CellDates.isDate(value)) {
        return fail(CellDates.notANumber(integer ? "целое число" : "число"));
      }
      return fail(integer ? "Ожидается целое число" : "Ожидается число");
    }
    if (integer && number.stripTrailingZeros().scale() > 0) {
      return fail("Ожидается целое число");
    }
    boolean belowMin = column.min() != null && number.compareTo(column.min()) < 0;
    boolean aboveMax = column.max() != null && number.compareTo(column.max()) > 0;
    if (belowMin || aboveMax) {
      return fail(rangeMessage());
    }
    value = plain(number);
    return true;
  }

  private String rangeMessage() {
    if (column.min() != null && column.max() != null) {
      return "Допустимо от " + plain(column.min()) + " до " + plain(column.max());
    }
    return column.min() != null
        ? "Не меньше " + plain(column.min())
        : "Не больше " + plain(column.max());
  }

  private boolean option() {
    for (String option : column.options() == null ? List.<String>of() : column.options()) {
      if (option.equalsIgnoreCase(value)) {
        value = option;
        return true;
      }
    }
    return fail("Выберите одно из значений: " + String.join(", ", column.options()));
  }

  private boolean date() {
    try {
      if (value.matches("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}")) {
        String[] p = value.split("\\.");
        value =
            LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]))
                .format(DATE);
        return true;
      }
      if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        value = LocalDate.parse(value).format(DATE);
        return true;
      }
      if (value.matches("[0-9]{4,5}(\\.[0-9]+)?")) {
        // An Excel date cell without a date style arrives as its serial number.
        value = EXCEL_EPOCH.plusDays((long) Double.parseDouble(value)).format(DATE);
        return true;
      }
    } catch (DateTimeException | NumberFormatException e) {
      // falls through to the message
    }
    return fail("Ожидается дата в формате ДД.ММ.ГГГГ");
  }

  private boolean fail(String message) {
    error = message;
    return false;
  }

  /** A number as people type it («1 234,5», «12.0»), or null when it is not one. */
  static BigDecimal parseNumber(String text) {
    if (isPlainInteger(text)) {
      return BigDecimal.valueOf(Long.parseLong(text));
    }
    String cleaned = text.replace(" ", "").replace(" ", "").replace(',', '.');
    try {
      return new BigDecimal(cleaned);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static boolean isPlainInteger(String text) {
    int n = text.length();
    if (n == 0 || n > 17) {
      return false;
    }
    for (int i = text.charAt(0) == '-' && n > 1 ? 1 : 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a plain integer is written as {@link Long#toString} writes it: «7», not «007» or «-0».
   */
  private static boolean canonical(String integer) {
    int first = integer.charAt(0) == '-' ? 1 : 0;
    return integer.charAt(first) != '0' || integer.length() == 1;
  }

  private static boolean digits(String text, int max) {
    int n = text.length();
    if (n == 0 || n > max) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** «10001.0» (a code read as a number) → «10001»; anything else unchanged. */
  private static String integerText(String text) {
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
