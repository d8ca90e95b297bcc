package org.oko.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Russian words of the workbooks and the diff, and the values they stand for. */
final class Vocabulary {

  static final String YES = "да";
  static final String NO = "нет";

  static final Map<String, String> SETTLEMENTS = new LinkedHashMap<>();
  static final Map<String, String> LEVELS = new LinkedHashMap<>();

  static {
    SETTLEMENTS.put("CITY", "город");
    SETTLEMENTS.put("TOWN", "посёлок городского типа");
    SETTLEMENTS.put("VILLAGE", "сельская местность");
    LEVELS.put("PRIMARY", "НОО");
    LEVELS.put("BASIC", "ООО");
    LEVELS.put("SECONDARY", "СОО");
    LEVELS.put("VOCATIONAL", "СПО");
  }

  private Vocabulary() {}

  static String settlement(String code) {
    return SETTLEMENTS.getOrDefault(code, code);
  }

  /** The code of a settlement type as written in a cell; null if it is none of them. */
  static String settlementCode(String text) {
    String normal = normal(text).replace('ё', 'е');
    for (var e : SETTLEMENTS.entrySet()) {
      if (e.getValue().replace('ё', 'е').equals(normal)) {
        return e.getKey();
      }
    }
    return null;
  }

  static String levels(List<String> codes) {
    return String.join(", ", codes.stream().map(c -> LEVELS.getOrDefault(c, c)).toList());
  }

  /** The code of a level of education («ООО» → BASIC); null if unknown. */
  static String levelCode(String text) {
    String normal = normal(text).toUpperCase(Locale.ROOT);
    for (var e : LEVELS.entrySet()) {
      if (e.getValue().equals(normal)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** «да» → true, «нет» → false, anything else null. */
  static Boolean yesNo(String text) {
    String normal = normal(text);
    if (normal.equals(YES)) {
      return true;
    }
    return normal.equals(NO) ? false : null;
  }

  static String yesNo(boolean value) {
    return value ? YES : NO;
  }

  /** The default type of an organization of a kind, until the region states its own. */
  static String defaultType(String kind) {
    return switch (kind) {
      case "COLLEGE" -> "Профессиональная образовательная организация";
      case "ASSESSMENT_POINT" -> "Пункт проведения оценки";
      default -> "Общеобразовательная организация";
    };
  }

  static String normal(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }
}
