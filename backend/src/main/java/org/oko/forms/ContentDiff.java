package org.oko.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two contents of a response. Rows are matched by the sheet's key column (the
 * pre-filled key, else its first unique column) when every row has a distinct value there, else by
 * position; a row is then ADDED, REMOVED, or has CHANGED cells.
 */
final class ContentDiff {

  /** How a row changed. */
  enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One change: a row of a sheet added or removed, or one of its cells changed.
   *
   * @param row the row's key value, or its position (1-based) when rows are matched by position
   * @param column for a CHANGED cell, its column; else null
   */
  record Change(String sheet, String row, Kind kind, String column, String before, String after) {}

  private ContentDiff() {}

  static List<Change> between(
      FormSchema schema,
      Map<String, List<Map<String, String>>> before,
      Map<String, List<Map<String, String>>> after) {
    Set<String> sheetKeys = new LinkedHashSet<>();
    schema.sheets().forEach(s -> sheetKeys.add(s.key()));
    sheetKeys.addAll(before.keySet());
    sheetKeys.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : sheetKeys) {
      SheetSpec sheet = schema.sheet(key);
      List<Map<String, String>> from = before.getOrDefault(key, List.of());
      List<Map<String, String>> to = after.getOrDefault(key, List.of());
      String keyColumn = keyColumn(sheet);
      Map<String, Map<String, String>> fromRows = byKey(from, keyColumn);
      Map<String, Map<String, String>> toRows = byKey(to, keyColumn);
      if (fromRows == null || toRows == null) {
        fromRows = byPosition(from);
        toRows = byPosition(to);
      }
      List<String> columns = columns(sheet, from, to);
      for (var row : fromRows.entrySet()) {
        Map<String, String> next = toRows.get(row.getKey());
        if (next == null) {
          changes.add(new Change(key, row.getKey(), Kind.REMOVED, null, null, null));
          continue;
        }
        for (String column : columns) {
          String a = row.getValue().get(column);
          String b = next.get(column);
          if (!Objects.equals(a, b)) {
            changes.add(new Change(key, row.getKey(), Kind.CHANGED, column, a, b));
          }
        }
      }
      for (String row : toRows.keySet()) {
        if (!fromRows.containsKey(row)) {
          changes.add(new Change(key, row, Kind.ADDED, null, null, null));
        }
      }
    }
    return changes;
  }

  private static String keyColumn(SheetSpec sheet) {
    if (sheet == null) {
      return null;
    }
    if (sheet.keyColumn() != null) {
      return sheet.keyColumn();
    }
    return sheet.columns().stream()
        .filter(ColumnSpec::unique)
        .map(ColumnSpec::key)
        .findFirst()
        .orElse(null);
  }

  /** Rows by their key value, or null when some row has none or a repeated one. */
  private static Map<String, Map<String, String>> byKey(
      List<Map<String, String>> rows, String keyColumn) {
    if (keyColumn == null) {
      return null;
    }
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      String key = row.get(keyColumn);
      if (key == null || byKey.put(key, row) != null) {
        return null;
      }
    }
    return byKey;
  }

  private static Map<String, Map<String, String>> byPosition(List<Map<String, String>> rows) {
    Map<String, Map<String, String>> byPosition = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byPosition.put(String.valueOf(i + 1), rows.get(i));
    }
    return byPosition;
  }

  private static List<String> columns(
      SheetSpec sheet, List<Map<String, String>> from, List<Map<String, String>> to) {
    Set<String> columns = new LinkedHashSet<>();
    if (sheet != null) {
      sheet.columns().forEach(c -> columns.add(c.key()));
    }
    from.forEach(r -> columns.addAll(r.keySet()));
    to.forEach(r -> columns.addAll(r.keySet()));
    return List.copyOf(columns);
  }
}
