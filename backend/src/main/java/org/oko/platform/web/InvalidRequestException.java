package org.oko.platform.web;

/** A request whose parameters are each valid but do not fit together; answers 400. */
public class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
