package org.oko.platform.web;

/**
 * An update's {@code If-Match} names a version the resource no longer has (someone changed it since
 * the caller read it); answers 412 with the message as the problem's detail. Nothing was written.
 */
public class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(String message) {
    super(message);
  }
}
