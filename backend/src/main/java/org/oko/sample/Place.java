package org.oko.sample;

import org.oko.platform.web.FieldProblem;

/**
 * Where an entry of a list came from — an element of the JSON list or a row of a workbook — so that
 * one set of rules names each error where the user wrote the value.
 */
interface Place {

  FieldProblem problem(Column column, String value, String message);

  /**
   * Element {@code index} of {@code entries} in a JSON body: {@code entries[3].organizationLogin}.
   */
  static Place entry(int index) {
    return (column, value, message) ->
        FieldProblem.of("entries[" + index + "]." + column.jsonField, message);
  }

  /** Row {@code row} of a workbook's sheet: cell {@code D14}, with the value found there. */
  static Place row(String sheet, int row) {
    return (column, value, message) ->
        FieldProblem.inCell(sheet, column.letter + row, value, message);
  }
}
