package org.oko.sample;

/**
 * The columns of both sample workbooks (the preliminary-list template and the verification form),
 * with the matching field of the JSON list and of the verification diff, so that an error or a
 * change is named the same way whichever way the list came in.
 */
enum Column {
  LOGIN("A", "Логин", "organizationLogin", null),
  NAME("B", "Наименование", null, null),
  PARTICIPATES("C", "Участвует", null, "participates"),
  PARTICIPANTS("D", "Количество участников", "attributes.participants", "participants"),
  LEVELS("E", "Уровни образования", "attributes.educationLevels", "educationLevels"),
  SETTLEMENT("F", "Вид населённого пункта", "attributes.settlementType", "settlementType"),
  TYPE("G", "Тип ОО", "attributes.institutionType", "institutionType"),
  SUBJECTS("H", "Классы и предметы", "attributes.subjects", "subjects");

  final String letter;
  final String title;
  final String jsonField;

  /** The verification diff's {@code field} (the contract's {@code VerificationChange.field}). */
  final String diffField;

  Column(String letter, String title, String jsonField, String diffField) {
    this.letter = letter;
    this.title = title;
    this.jsonField = jsonField;
    this.diffField = diffField;
  }

  int index() {
    return ordinal();
  }

  /** The titles row of both workbooks, from column A on. */
  static java.util.List<String> titles() {
    return java.util.Arrays.stream(values()).map(c -> c.title).toList();
  }
}
