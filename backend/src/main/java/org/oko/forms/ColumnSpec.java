package org.oko.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One column of a form sheet, as defined (the JSON shape is {@code FormColumn} of openapi.yaml).
 * Absent numbers and lists are null.
 */
public record ColumnSpec(
    String key,
    String title,
    ColumnType type,
    boolean required,
    boolean readOnly,
    boolean unique,
    BigDecimal min,
    BigDecimal max,
    Integer maxLength,
    String pattern,
    String patternHint,
    List<String> options,
    List<String> sumOf,
    String group,
    String hint) {

  /** Text longer than this is refused even without a {@code maxLength} of its own. */
  public static final int DEFAULT_MAX_LENGTH = 1000;

  /** Whether the respondent types into it (not pre-filled, not computed). */
  public boolean editable() {
    return !readOnly && type != ColumnType.COMPUTED_SUM;
  }

  public int effectiveMaxLength() {
    return maxLength != null ? maxLength : DEFAULT_MAX_LENGTH;
  }

  /** A column with only what every column needs; the rest through the {@code with…} methods. */
  public static ColumnSpec of(String key, String title, ColumnType type) {
    return new ColumnSpec(
        key, title, type, false, false, false, null, null, null, null, null, null, null, null,
        null);
  }

  public ColumnSpec asRequired() {
    return new ColumnSpec(
        key,
        title,
        type,
        true,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec asRequiredIf(boolean required) {
    return required ? asRequired() : this;
  }

  public ColumnSpec asReadOnly() {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        true,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec asUnique() {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        true,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec withRange(Number min, Number max) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min == null ? null : new BigDecimal(min.toString()),
        max == null ? null : new BigDecimal(max.toString()),
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec withOptions(List<String> options) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        List.copyOf(options),
        sumOf,
        group,
        hint);
  }

  public ColumnSpec withSumOf(List<String> sumOf) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        List.copyOf(sumOf),
        group,
        hint);
  }

  public ColumnSpec withPattern(String pattern, String patternHint) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec withMaxLength(int maxLength) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec inGroup(String group) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }

  public ColumnSpec withHint(String hint) {
    return new ColumnSpec(
        key,
        title,
        type,
        required,
        readOnly,
        unique,
        min,
        max,
        maxLength,
        pattern,
        patternHint,
        options,
        sumOf,
        group,
        hint);
  }
}
