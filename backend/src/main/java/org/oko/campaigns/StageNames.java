package org.oko.campaigns;

import java.time.Instant;
import java.time.ZoneId;
import org.oko.platform.time.ZoneCities;

/** How stages and their deadlines are named to users (Russian, in the region's local time). */
public final class StageNames {

  private StageNames() {}

  public static String of(Stage code) {
    return switch (code) {
      case PRELIMINARY_LIST -> "Предварительный список ОО";
      case VERIFICATION -> "Выверка списка ОО";
      case APPLICATION -> "Заявка на участие";
      case CONTEXT_DATA -> "Контекстные данные";
      case MATERIALS -> "Получение материалов";
      case CODES_PROTOCOL -> "Протокол проведения с кодами";
      case CONDUCT -> "Проведение";
      case RESULTS_PROTOCOL -> "Загрузка протоколов с результатами";
      case QUESTIONNAIRE -> "Анкетирование";
      case SCANNING -> "Сканирование";
      case SCORING -> "Проверка экспертами";
      case REPORTS -> "Получение отчётов";
    };
  }

  /** {@code 12.03.2026 18:00 (Саратов)}: the region's local time, named by its city. */
  public static String localTime(Instant instant, ZoneId zone) {
    return ZoneCities.local(instant, zone);
  }
}
