package org.oko.platform.web;

/** An upload of a type that is not allowed there; answers 415. */
public class UnsupportedTypeException extends RuntimeException {

  public UnsupportedTypeException(String message) {
    super(message);
  }
}
