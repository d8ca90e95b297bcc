package org.oko.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.oko.api.model.FormChange;

/**
 * What changed between two contents of a response. Rows are matched by the sheet's key column (the
 * pre-filled key, else its first unique column) when every row has a distinct value there, else by
 * position; a row is then ADDED, REMOVED, or has CHANGED cells.
 */
final class ContentDiff {

  private ContentDiff() {}

  static List<FormChange> between(
      FormSchema schema,
      Map<String, List<Map<String, String>>> before,
      Map<String, List<Map<String, String>>> after) {
    Set<String> sheetKeys = new LinkedHashSet<>();
    schema.sheets().forEach(s -> sheetKeys.add(s.key()));
    sheetKeys.addAll(before.keySet());
    sheetKeys.addAll(after.keySet());
    List<FormChange> changes = new ArrayList<>();
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
          changes.add(new FormChange(key, row.getKey(), FormChange.KindEnum.REMOVED));
          continue;
        }
        for (String column : columns) {
          String a = row.getValue().get(column);
          String b = next.get(column);
          if (!Objects.equals(a, b)) {
            FormChange change = new FormChange(key, row.getKey(), FormChange.KindEnum.CHANGED);
            change.setColumn(column);
            change.setBefore(a);
            change.setAfter(b);
            changes.add(change);
          }
        }
      }
      for (String row : toRows.keySet()) {
        if (!fromRows.containsKey(row)) {
          changes.add(new FormChange(key, row, FormChange.KindEnum.ADDED));
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
