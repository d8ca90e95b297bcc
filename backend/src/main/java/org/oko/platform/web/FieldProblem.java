package org.oko.platform.web;

/**
 * One thing wrong with submitted content. For a workbook, {@code sheet}, {@code cell} (such as
 * {@code C14}, or a row number for a whole row) and {@code value} say exactly where; the others
 * leave them null.
 */
public record FieldProblem(String field, String message, String sheet, String cell, String value) {

  public static FieldProblem of(String field, String message) {
    return new FieldProblem(field, message, null, null, null);
  }

  public static FieldProblem inCell(String sheet, String cell, String value, String message) {
    return new FieldProblem(null, message, sheet, cell, value);
  }
}
