package org.oko.forms;

import java.util.List;

/**
 * One sheet of a form (the JSON shape is {@code FormSheet} of openapi.yaml).
 *
 * @param keyColumn the read-only column identifying a pre-filled row (the kit number); null for
 *     free sheets
 * @param maxRows data rows at most (a pre-filled sheet has exactly its pre-filled rows)
 */
public record SheetSpec(
    String key,
    String title,
    Layout layout,
    List<ColumnSpec> columns,
    List<RowRuleSpec> rules,
    Prefill prefill,
    String keyColumn,
    Integer maxRows) {

  public static final int DEFAULT_MAX_ROWS = 5000;

  /** TABLE: rows of the same columns; RECORD: a single record, one field per line. */
  public enum Layout {
    TABLE,
    RECORD
  }

  /** Where a sheet's fixed rows come from; NONE when rows are added freely. */
  public enum Prefill {
    NONE,
    STORED,
    MUNICIPALITY_SAMPLE,
    /** The point's kit numbers for the form's subject (the kits feature). */
    KITS
  }

  public Layout layout() {
    return layout == null ? Layout.TABLE : layout;
  }

  public Prefill prefill() {
    return prefill == null ? Prefill.NONE : prefill;
  }

  public List<RowRuleSpec> rules() {
    return rules == null ? List.of() : rules;
  }

  public int effectiveMaxRows() {
    if (layout() == Layout.RECORD) {
      return 1;
    }
    return maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
  }

  public boolean prefilled() {
    return prefill() != Prefill.NONE;
  }

  /** The position of the column {@code key} in {@link #columns()}, or -1. */
  public int columnIndex(String key) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
