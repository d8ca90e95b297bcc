package org.oko.kits;

/**
 * Who takes the ОМК: teachers or methodists. Kits, protocol 1 and questionnaires are per category;
 * stored by name ({@code kit_range.category}); the API's {@code ParticipantCategory} has the same
 * values.
 */
public enum Category {
  TEACHER,
  METHODIST
}
