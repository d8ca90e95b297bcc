package org.oko.platform.excel;

import java.util.regex.Pattern;

/**
 * A date where a number belongs. Both readers give a cell formatted as a date as {@code ДД.ММ.ГГГГ}
 * (see {@link CellText}), never as its day number: a date typed into a count or a score (Excel and
 * LibreOffice turn «15.03» into a date by themselves) must be refused as what the user sees, not
 * stored as 46096.
 */
public final class CellDates {

  private static final Pattern DATE = Pattern.compile("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");

  private CellDates() {}

  /** Whether a cell's text is a date as the readers give it ({@code 15.03.2026}). */
  public static boolean isDate(String text) {
    return text != null && DATE.matcher(text.strip()).matches();
  }

  /**
   * The reason to refuse a date in a cell that wants {@code expected} («целое число»), naming what
   * to do about it.
   */
  public static String notANumber(String expected) {
    return "В ячейке дата, а нужно "
        + expected
        + ": ячейка, видимо, в формате «Дата». Задайте ей формат «Общий» или «Числовой» и"
        + " введите число";
  }
}
