package org.oko.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

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
    return with(c -> c.required = true);
  }

  public ColumnSpec asRequiredIf(boolean required) {
    return required ? asRequired() : this;
  }

  public ColumnSpec asReadOnly() {
    return with(c -> c.readOnly = true);
  }

  public ColumnSpec asUnique() {
    return with(c -> c.unique = true);
  }

  public ColumnSpec withRange(Number min, Number max) {
    return with(
        c -> {
          c.min = min == null ? null : new BigDecimal(min.toString());
          c.max = max == null ? null : new BigDecimal(max.toString());
        });
  }

  public ColumnSpec withOptions(List<String> options) {
    return with(c -> c.options = List.copyOf(options));
  }

  public ColumnSpec withSumOf(List<String> sumOf) {
    return with(c -> c.sumOf = List.copyOf(sumOf));
  }

  public ColumnSpec withPattern(String pattern, String patternHint) {
    return with(
        c -> {
          c.pattern = pattern;
          c.patternHint = patternHint;
        });
  }

  public ColumnSpec withMaxLength(int maxLength) {
    return with(c -> c.maxLength = maxLength);
  }

  public ColumnSpec inGroup(String group) {
    return with(c -> c.group = group);
  }

  public ColumnSpec withHint(String hint) {
    return with(c -> c.hint = hint);
  }

  /** A copy with {@code change} applied: one place that lists every component. */
  private ColumnSpec with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new ColumnSpec(
        c.key,
        c.title,
        c.type,
        c.required,
        c.readOnly,
        c.unique,
        c.min,
        c.max,
        c.maxLength,
        c.pattern,
        c.patternHint,
        c.options,
        c.sumOf,
        c.group,
        c.hint);
  }

  /** The components of a column, to be changed before a new one is made from them. */
  private static final class Copy {
    final String key;
    final String title;
    final ColumnType type;
    boolean required;
    boolean readOnly;
    boolean unique;
    BigDecimal min;
    BigDecimal max;
    Integer maxLength;
    String pattern;
    String patternHint;
    List<String> options;
    List<String> sumOf;
    String group;
    String hint;

    Copy(ColumnSpec from) {
      key = from.key;
      title = from.title;
      type = from.type;
      required = from.required;
      readOnly = from.readOnly;
      unique = from.unique;
      min = from.min;
      max = from.max;
      maxLength = from.maxLength;
      pattern = from.pattern;
      patternHint = from.patternHint;
      options = from.options;
      sumOf = from.sumOf;
      group = from.group;
      hint = from.hint;
    }
  }
}
