package org.oko.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response's sheets counted, not read (issue 24): what an upload answers with (a summary —
 * counts, problems, version) and how a response too large for the grid is read, its rows being
 * paged by {@code GET …/response/rows}. Numbers only: there is no row here to ask for by mistake,
 * and such a response is never {@linkplain ResponseView#complete() complete}.
 *
 * @param bySheet sheet key → its number of rows, in the order given
 */
record RowCounts(Map<String, Integer> bySheet) {

  RowCounts {
    bySheet = Collections.unmodifiableMap(new LinkedHashMap<>(bySheet));
  }

  /** Every sheet of the form, counted (a sheet without rows: 0). */
  static RowCounts of(FormSchema schema, Map<String, Integer> counts) {
    Map<String, Integer> all = new LinkedHashMap<>();
    schema.sheets().forEach(s -> all.put(s.key(), counts.getOrDefault(s.key(), 0)));
    return new RowCounts(all);
  }

  /** The same sheets with no row read, as the answer carries them. */
  Map<String, List<Map<String, String>>> withoutRows() {
    Map<String, List<Map<String, String>>> sheets = new LinkedHashMap<>();
    bySheet.keySet().forEach(key -> sheets.put(key, List.of()));
    return sheets;
  }
}
