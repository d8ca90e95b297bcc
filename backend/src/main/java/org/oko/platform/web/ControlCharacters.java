package org.oko.platform.web;

/**
 * Which control characters a request may carry. PostgreSQL refuses NUL in text (SQLSTATE 22021) and
 * no field of OKO has a use for the other C0 controls, so they are refused at the edge (query and
 * path by {@link InputGuard}, JSON strings by {@link StrictJson}) before any handler sees them.
 * Free text (a publication's body, an answer) may span lines and keep tabs; a value on one line (a
 * query parameter, a path segment) may not.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** The index of the first character not allowed in free text, or -1. */
  public static int firstInText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first C0 control character (tab and line breaks included), or -1. */
  public static int firstInLine(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < 0x20) {
        return i;
      }
    }
    return -1;
  }

  /** The Russian reason for refusing {@code value} because of its character at {@code index}. */
  public static String message(String value, int index) {
    return String.format(
        "недопустимый управляющий символ U+%04X (позиция %d): уберите его и повторите",
        (int) value.charAt(index), index + 1);
  }
}
