package org.oko.kits;

import org.oko.campaigns.Subject;

/**
 * How many codes a school may have for a subject (seed 004, 6.13.2: as many as the participants of
 * the class and subject in its application).
 */
final class ParticipantCodeRules {

  /** Codes are seven digits: numbers up to this many per campaign. */
  static final int MAX_NUMBER = 8_999_999;

  private ParticipantCodeRules() {}

  /** How many codes to add to reach {@code requested}; never takes back issued ones. */
  static int missing(int requested, int issued) {
    return Math.max(0, requested - issued);
  }

  /**
   * Why {@code requested} codes may not be issued when the application says {@code limit} (null:
   * not submitted); null when they may.
   */
  static String refusal(Subject subject, int requested, Integer limit) {
    if (limit == null) {
      return "Сначала сдайте заявку на участие в ВПР: число кодов по предмету берётся из неё";
    }
    if (requested > limit) {
      return "Запрошено кодов: "
          + requested
          + ", а в заявке по предмету «"
          + subject.name()
          + "»"
          + (subject.grade() == null ? "" : ", " + subject.grade() + " класс")
          + " участников: "
          + limit
          + ". Коды не выданы; исправьте число или заявку";
    }
    return null;
  }
}
