package org.oko.platform.web;

/** An upload over its size limit; answers 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limitBytes) {
    this("Файл больше допустимого размера " + ByteSizes.text(limitBytes));
  }

  /** For a limit that is not simply a maximum (e.g. the size a client declared beforehand). */
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
