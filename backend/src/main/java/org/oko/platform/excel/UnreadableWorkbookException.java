package org.oko.platform.excel;

/** The file is a zip archive but not a workbook POI can read (damaged, or another format). */
public class UnreadableWorkbookException extends RuntimeException {

  public UnreadableWorkbookException(Throwable cause) {
    super("Файл не удалось прочитать как книгу Excel (.xlsx)", cause);
  }
}
