package org.oko.sample;

import org.oko.api.model.VerificationChange.FieldEnum;

/**
 * The columns of both sample workbooks (the preliminary-list template and the verification form),
 * with the matching field of the JSON list and of the verification diff, so that an error or a
 * change is named the same way whichever way the list came in.
 */
enum Column {
  LOGIN("A", "Логин", "organizationLogin", null),
  NAME("B", "Наименование", null, null),
  PARTICIPATES("C", "Участвует", null, FieldEnum.PARTICIPATES),
  PARTICIPANTS("D", "Количество участников", "attributes.participants", FieldEnum.PARTICIPANTS),
  LEVELS("E", "Уровни образования", "attributes.educationLevels", FieldEnum.EDUCATION_LEVELS),
  SETTLEMENT("F", "Вид населённого пункта", "attributes.settlementType", FieldEnum.SETTLEMENT_TYPE),
  TYPE("G", "Тип ОО", "attributes.institutionType", FieldEnum.INSTITUTION_TYPE),
  SUBJECTS("H", "Классы и предметы", "attributes.subjects", FieldEnum.SUBJECTS);

  final String letter;
  final String title;
  final String jsonField;
  final FieldEnum diffField;

  Column(String letter, String title, String jsonField, FieldEnum diffField) {
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
