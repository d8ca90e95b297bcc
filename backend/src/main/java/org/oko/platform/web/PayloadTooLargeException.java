package org.oko.platform.web;

/** An upload over its size limit; answers 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limitBytes) {
    super("Файл больше допустимого размера " + (limitBytes / (1024 * 1024)) + " МБ");
  }
}
