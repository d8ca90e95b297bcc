package org.oko.platform.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * The text of a cell as a person reads it, from the raw value stored in the sheet XML: numbers the
 * way Excel shows them in a "General" cell (no {@code 12.0}, no {@code 0.30000000000000004}),
 * date-formatted numbers as {@code ДД.ММ.ГГГГ}. No {@code DataFormatter}: the display format of
 * each cell does not matter to a form, only its value, and formatting every cell is what makes the
 * stock reader slow.
 */
final class CellText {

  /** Excel keeps 15 significant digits; what the binary double adds beyond is noise. */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  /** 31.12.9999, the last day Excel can show. */
  private static final double LAST_DATE = 2_958_465;

  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 31);
  private static final LocalDate EPOCH_1900_AFTER_LEAP_BUG = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

  private CellText() {}

  /**
   * A number cell's text. Plain integers (almost every cell of a form: scores, counts) are returned
   * as stored, without parsing; other numbers are rounded to 15 significant digits.
   *
   * @param raw the {@code <v>} text
   * @param dateStyled whether the cell's style is a date format
   * @param date1904 whether the workbook counts days from 1904 (old Mac Excel)
   */
  static String number(String raw, boolean dateStyled, boolean date1904) {
    if (!dateStyled) {
      if (isShortInteger(raw, raw.length())) {
        return raw;
      }
      // POI and other Java writers store whole numbers as Java prints doubles: 12.0.
      int length = raw.length();
      if (length > 2
          && raw.charAt(length - 1) == '0'
          && raw.charAt(length - 2) == '.'
          && isShortInteger(raw, length - 2)) {
        return raw.substring(0, length - 2);
      }
    }
    BigDecimal value;
    try {
      value = new BigDecimal(raw.trim());
    } catch (NumberFormatException e) {
      return raw; // not a number after all: let validation say so
    }
    if (dateStyled) {
      double serial = value.doubleValue();
      // A time without a date (0.5 is 12:00) has no day to show: it stays a number.
      if (serial >= 1 && serial <= LAST_DATE) {
        return date((long) serial, date1904);
      }
    }
    BigDecimal rounded = value.round(EXCEL_DIGITS).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    // The power of ten of the first digit: 1E+20 and 1.5E-11 stay short, 0.001 is written out.
    int exponent = rounded.precision() - rounded.scale() - 1;
    return exponent >= 15 || exponent < -10 ? rounded.toString() : rounded.toPlainString();
  }

  /**
   * A day number as {@code ДД.ММ.ГГГГ}. In the 1900 system day 1 is 01.01.1900, and Excel counts a
   * 29.02.1900 that never was (a bug kept from Lotus 1-2-3), so from day 61 on the count is one
   * ahead of the calendar.
   */
  static String date(long day, boolean date1904) {
    LocalDate date;
    if (date1904) {
      date = EPOCH_1904.plusDays(day);
    } else if (day >= 61) {
      date = EPOCH_1900_AFTER_LEAP_BUG.plusDays(day);
    } else {
      date = EPOCH_1900.plusDays(day);
    }
    return format(date);
  }

  /** An ISO date ({@code t="d"} cells: {@code 2024-05-01} or {@code 2024-05-01T00:00:00}). */
  static String isoDate(String raw) {
    try {
      return format(LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw));
    } catch (RuntimeException e) {
      return raw;
    }
  }

  private static String format(LocalDate date) {
    char[] text = new char[10];
    twoDigits(text, 0, date.getDayOfMonth());
    text[2] = '.';
    twoDigits(text, 3, date.getMonthValue());
    text[5] = '.';
    int year = date.getYear();
    twoDigits(text, 6, year / 100);
    twoDigits(text, 8, year % 100);
    return new String(text);
  }

  private static void twoDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }

  /** An optional minus and at most 15 digits: exact in a double, nothing to round. */
  private static boolean isShortInteger(String raw, int length) {
    int start = length > 0 && raw.charAt(0) == '-' ? 1 : 0;
    if (length == start || length - start > 15) {
      return false;
    }
    for (int i = start; i < length; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
