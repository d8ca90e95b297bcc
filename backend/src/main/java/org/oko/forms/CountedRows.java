package org.oko.forms;

import java.util.AbstractList;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A sheet's rows counted, not read: what an upload answers with (issue 24, a summary — counts,
 * problems, version), the rows being paged by {@code GET …/response/rows}. {@link
 * ResponseRules#complete} never calls such a sheet complete.
 */
final class CountedRows extends AbstractList<Map<String, String>> implements RandomAccess {

  private final int size;

  CountedRows(int size) {
    this.size = size;
  }

  /** Sheet key → its rows counted. */
  static FormValidation.Content of(Map<String, Integer> counts) {
    FormValidation.Content content = new FormValidation.Content();
    counts.forEach((sheet, n) -> content.put(sheet, new CountedRows(n)));
    return content;
  }

  /** Every sheet of the form, counted (a sheet without rows: 0). */
  static FormValidation.Content of(FormSchema schema, Map<String, Integer> counts) {
    FormValidation.Content content = new FormValidation.Content();
    schema
        .sheets()
        .forEach(s -> content.put(s.key(), new CountedRows(counts.getOrDefault(s.key(), 0))));
    return content;
  }

  @Override
  public Map<String, String> get(int index) {
    throw new UnsupportedOperationException("Строки не прочитаны: только их число");
  }

  @Override
  public int size() {
    return size;
  }
}
