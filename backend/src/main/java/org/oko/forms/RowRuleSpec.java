package org.oko.forms;

import java.util.List;

/**
 * «When column {@code when} has one of {@code equals}, the columns in {@code require} must be
 * filled and those in {@code forbid} must be empty.» The JSON shape is {@code FormRowRule}.
 */
public record RowRuleSpec(
    String when, List<String> equals, List<String> require, List<String> forbid, String message) {

  public List<String> require() {
    return require == null ? List.of() : require;
  }

  public List<String> forbid() {
    return forbid == null ? List.of() : forbid;
  }
}
