package org.oko.forms;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A sheet's rows read from a workbook, kept as compact {@code String[]} in column order and
 * presented as maps (column key → value, empty cells left out) made when asked for: a read-only
 * view, so that 200,000 rows of a protocol stay small ({@link TemplateWorkbookReader}).
 */
final class CompactRows extends AbstractList<Map<String, String>> implements RandomAccess {

  private final SheetSpec sheet;
  private final List<String[]> rows;

  CompactRows(SheetSpec sheet, List<String[]> rows) {
    this.sheet = sheet;
    this.rows = rows;
  }

  @Override
  public Map<String, String> get(int index) {
    return FormValidation.asMap(sheet, rows.get(index));
  }

  @Override
  public int size() {
    return rows.size();
  }

  /**
   * Keeps the rows a {@link TemplateWorkbookReader} reads, compact, for a caller that wants them
   * all at once (tests, the parsing benchmark); an upload streams them instead ({@link
   * UploadRowsStream}).
   */
  static final class Collector implements TemplateWorkbookReader.RowSink {

    private final Shared shared = new Shared();
    private final Map<String, List<String[]>> rows = new HashMap<>();

    @Override
    public void row(SheetSpec sheet, String[] values, boolean clean) {
      rows.computeIfAbsent(sheet.key(), k -> new ArrayList<>()).add(shared.compact(values));
    }

    /** Every sheet of the form, in its order (empty when none of its rows were read). */
    FormValidation.Content content(FormSchema schema) {
      FormValidation.Content content = new FormValidation.Content();
      for (SheetSpec sheet : schema.sheets()) {
        content.put(sheet.key(), new CompactRows(sheet, rows.getOrDefault(sheet.key(), List.of())));
      }
      return content;
    }
  }

  /**
   * Shares short values (scores, variants) between the rows of one file: most cells of a protocol
   * are such, and one string each is enough.
   */
  static final class Shared {

    private static final int MAX_SHARED_LENGTH = 4;
    private static final int MAX_SHARED = 4096;

    private final Map<String, String> shared = new HashMap<>();

    /** The row, its short values replaced by the ones already kept. */
    String[] compact(String[] values) {
      for (int i = 0; i < values.length; i++) {
        String value = values[i];
        if (value != null && value.length() <= MAX_SHARED_LENGTH) {
          String kept = shared.get(value);
          if (kept != null) {
            values[i] = kept;
          } else if (shared.size() < MAX_SHARED) {
            shared.put(value, value);
          }
        }
      }
      return values;
    }
  }
}
