package org.oko.platform.excel;

/**
 * The file is a zip archive but not a workbook that may be read: damaged, or refused as dangerous
 * (a zip bomb, XML with a DOCTYPE). The message says why, in Russian.
 */
public class UnreadableWorkbookException extends RuntimeException {

  static final String DEFAULT_MESSAGE = "Файл не удалось прочитать как книгу Excel (.xlsx)";

  public UnreadableWorkbookException(Throwable cause) {
    super(DEFAULT_MESSAGE, cause);
  }

  /** A precise reason, for the user. */
  public UnreadableWorkbookException(String message) {
    super(message);
  }

  public UnreadableWorkbookException(String message, Throwable cause) {
    super(message, cause);
  }
}
