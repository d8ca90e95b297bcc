package org.oko.platform.excel;

/**
 * Text for cells of exported workbooks. A value starting with {@code = + - @} could be taken for a
 * formula when the file is re-saved as CSV or edited by hand (formula injection), so it gets a
 * leading apostrophe, as Excel itself does for text that looks like a formula.
 */
public final class FormulaSafe {

  private FormulaSafe() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
  }
}
