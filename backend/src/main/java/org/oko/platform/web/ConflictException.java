package org.oko.platform.web;

/**
 * The request clashes with the current state (a closed stage, a stale version, a duplicate);
 * answers 409 with the message as the problem's detail.
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
