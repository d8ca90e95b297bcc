package org.oko.publications;

/**
 * What an attachment is («вид материала»), stored by name; the same values as the contract's {@code
 * AttachmentKind}, mapped at the edge.
 */
enum MaterialKind {
  INSTRUCTION("Инструктивные материалы"),
  VARIANTS("Архив вариантов"),
  CRITERIA("Критерии оценивания"),
  CODES_PROTOCOL("Протокол с кодами участников"),
  FORM_TEMPLATE("Форма"),
  OTHER("Прочее");

  private final String title;

  MaterialKind(String title) {
    this.title = title;
  }

  /** The Russian name, the title of a per-organization attachment named no otherwise. */
  String title() {
    return title;
  }
}
