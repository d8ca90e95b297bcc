package org.oko.platform.security;

/**
 * The caller's role may not perform this operation at all (403). For an object outside the caller's
 * scope answer {@code NotFoundException} instead, so that its existence does not leak.
 */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException() {
    super("Недостаточно прав для этого действия");
  }

  /** A refusal that says what exactly is not allowed. */
  public AccessDeniedException(String message) {
    super(message);
  }
}
