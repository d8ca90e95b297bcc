package org.oko.kits;

import java.util.Locale;

/**
 * The questionnaire login of a kit (seed 001, figure 6: {@code mlit03501501}): the category letter
 * ({@code u} учителя, {@code m} методисты), the first three letters of the subject key without its
 * grade suffix ({@code lit-4} → {@code lit}, {@code math} → {@code mat}; a shorter key is padded
 * with {@code x}), the two-digit region code and the kit number. Logins are unique across all
 * campaigns, since a participant signs in with the login alone.
 */
final class KitLogins {

  private KitLogins() {}

  /** The login without the region code and the kit number, e.g. {@code ulit}. */
  static String prefix(String category, String subjectKey) {
    String key = subjectKey.toLowerCase(Locale.ROOT).replaceFirst("-[0-9]+$", "");
    StringBuilder letters = new StringBuilder(4);
    letters.append("METHODIST".equals(category) ? 'm' : 'u');
    for (int i = 0; i < key.length() && letters.length() < 4; i++) {
      char c = key.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letters.append(c);
      }
    }
    while (letters.length() < 4) {
      letters.append('x');
    }
    return letters.toString();
  }

  static String login(String category, String subjectKey, String regionCode, long kit) {
    return prefix(category, subjectKey) + regionCode + kit;
  }
}
