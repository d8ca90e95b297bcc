package org.oko.forms;

/** Sheet names every form template has besides the form's own sheets. */
public final class FormWorkbookNames {

  /** The first sheet: how to fill the form. */
  public static final String INSTRUCTION = "Инструкция";

  /** The hidden sheet with the form, definition version and respondent the file was made for. */
  public static final String SIGNATURE = "Подпись";

  private FormWorkbookNames() {}
}
