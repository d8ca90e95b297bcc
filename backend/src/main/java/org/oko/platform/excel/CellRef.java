package org.oko.platform.excel;

/**
 * A cell as Excel names it ({@code C14}): column letters and a 1-based row number.
 *
 * @param column the column letters, upper case ({@code A}, {@code AB})
 * @param row the row number as Excel shows it, from 1
 */
public record CellRef(String column, int row) {

  /** Parses {@code C14}; errors on anything else. */
  public static CellRef parse(String reference) {
    int digits = 0;
    while (digits < reference.length() && Character.isLetter(reference.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits == reference.length()) {
      throw new IllegalArgumentException("Not a cell reference: " + reference);
    }
    return new CellRef(
        reference.substring(0, digits).toUpperCase(java.util.Locale.ROOT),
        Integer.parseInt(reference.substring(digits)));
  }

  /** The letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
  public static String columnLetters(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /** The 0-based index of the column. */
  public int columnIndex() {
    int index = 0;
    for (char c : column.toCharArray()) {
      index = index * 26 + (c - 'A' + 1);
    }
    return index - 1;
  }

  @Override
  public String toString() {
    return column + row;
  }
}
