package org.oko.platform.web;

/**
 * Nothing with this id exists, or the caller may not see it: both answer the same 404, so that a
 * foreign id leaks nothing.
 */
public class NotFoundException extends RuntimeException {

  /** {@code message} is shown to the user, e.g. «Регион «99» не найден». */
  public NotFoundException(String message) {
    super(message);
  }
}
