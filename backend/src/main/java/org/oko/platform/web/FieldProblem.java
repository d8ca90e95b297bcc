package org.oko.platform.web;

/**
 * One thing wrong with submitted content. For a workbook, {@code sheet}, {@code cell} (such as
 * {@code C14}, or a row number for a whole row) and {@code value} say exactly where; for a form,
 * {@code row} (a data row, from 1) and {@code column} (the column's key) name the grid cell. The
 * others are null. The value is cut to {@value #MAX_VALUE} characters: a problem never echoes a
 * huge cell back.
 */
public record FieldProblem(
    String field,
    String message,
    String sheet,
    String cell,
    String value,
    Integer row,
    String column) {

  public static final int MAX_VALUE = 100;

  public FieldProblem {
    if (value != null && value.length() > MAX_VALUE) {
      value = value.substring(0, MAX_VALUE) + "…";
    }
  }

  public FieldProblem(String field, String message, String sheet, String cell, String value) {
    this(field, message, sheet, cell, value, null, null);
  }

  public static FieldProblem of(String field, String message) {
    return new FieldProblem(field, message, null, null, null);
  }

  public static FieldProblem inCell(String sheet, String cell, String value, String message) {
    return new FieldProblem(null, message, sheet, cell, value);
  }
}
