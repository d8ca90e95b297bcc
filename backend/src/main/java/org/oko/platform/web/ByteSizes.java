package org.oko.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number of bytes as a person reads it in a message: «10 байт», «512 КБ», «1,5 МБ», «2 ГБ» — the
 * largest unit that leaves at least one, with at most one decimal.
 */
public final class ByteSizes {

  private static final String[] UNITS = {"КБ", "МБ", "ГБ", "ТБ"};

  private ByteSizes() {}

  public static String text(long bytes) {
    if (bytes < 1024) {
      return bytes + " " + RussianPlural.of(bytes, "байт", "байта", "байт");
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.toPlainString().replace('.', ',') + " " + UNITS[unit];
  }
}
