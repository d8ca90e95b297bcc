package org.oko.campaigns;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How stages and their deadlines are named to users (Russian, in the region's local time). */
public final class StageNames {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private StageNames() {}

  public static String of(Stage code) {
    return switch (code) {
      case PRELIMINARY_LIST -> "Предварительный список ОО";
      case VERIFICATION -> "Выверка списка ОО";
      case APPLICATION -> "Заявка на участие";
      case CONTEXT_DATA -> "Контекстные данные";
      case MATERIALS -> "Получение материалов";
      case CONDUCT -> "Проведение";
      case RESULTS_PROTOCOL -> "Загрузка протоколов с результатами";
      case QUESTIONNAIRE -> "Анкетирование";
      case SCANNING -> "Сканирование";
      case SCORING -> "Проверка экспертами";
      case REPORTS -> "Получение отчётов";
    };
  }

  /** {@code 12.03.2026 18:00 (время региона, Europe/Saratov)}. */
  public static String localTime(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }
}
