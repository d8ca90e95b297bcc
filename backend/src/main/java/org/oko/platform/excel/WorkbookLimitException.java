package org.oko.platform.excel;

/** A workbook beyond what an upload may hold; reading stopped at the first excess. */
public class WorkbookLimitException extends RuntimeException {

  private final String sheet;
  private final String cell;

  private WorkbookLimitException(String message, String sheet, String cell) {
    super(message);
    this.sheet = sheet;
    this.cell = cell;
  }

  static WorkbookLimitException tooManyRows(String sheet, int maxRows) {
    return new WorkbookLimitException(
        "На листе «" + sheet + "» больше " + maxRows + " строк: столько загрузить нельзя",
        sheet,
        null);
  }

  static WorkbookLimitException cellTooLong(String sheet, String cell, int maxLength) {
    return new WorkbookLimitException(
        "В ячейке больше " + maxLength + " символов: столько загрузить нельзя", sheet, cell);
  }

  /** The sheet's name. */
  public String sheet() {
    return sheet;
  }

  /** The cell ({@code C14}), or null when the whole sheet is at fault. */
  public String cell() {
    return cell;
  }
}
