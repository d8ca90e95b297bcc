package org.oko.platform.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Russia's time zones named by their best-known city, as the SPA names them ({@code
 * frontend/src/utils/format.ts}, {@code zoneCities}): every time a message or a file shows says
 * whose local time it is in words a coordinator reads at a glance — «18:00 (Саратов)», not «18:00
 * (Europe/Saratov)». A zone without a known city keeps its id.
 */
public final class ZoneCities {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private static final Map<String, String> CITIES =
      Map.ofEntries(
          Map.entry("Europe/Kaliningrad", "Калининград"),
          Map.entry("Europe/Moscow", "Москва"),
          Map.entry("Europe/Samara", "Самара"),
          Map.entry("Europe/Saratov", "Саратов"),
          Map.entry("Europe/Volgograd", "Волгоград"),
          Map.entry("Europe/Ulyanovsk", "Ульяновск"),
          Map.entry("Europe/Astrakhan", "Астрахань"),
          Map.entry("Europe/Kirov", "Киров"),
          Map.entry("Asia/Yekaterinburg", "Екатеринбург"),
          Map.entry("Asia/Omsk", "Омск"),
          Map.entry("Asia/Novosibirsk", "Новосибирск"),
          Map.entry("Asia/Barnaul", "Барнаул"),
          Map.entry("Asia/Tomsk", "Томск"),
          Map.entry("Asia/Novokuznetsk", "Новокузнецк"),
          Map.entry("Asia/Krasnoyarsk", "Красноярск"),
          Map.entry("Asia/Irkutsk", "Иркутск"),
          Map.entry("Asia/Chita", "Чита"),
          Map.entry("Asia/Yakutsk", "Якутск"),
          Map.entry("Asia/Vladivostok", "Владивосток"),
          Map.entry("Asia/Sakhalin", "Сахалин"),
          Map.entry("Asia/Magadan", "Магадан"),
          Map.entry("Asia/Kamchatka", "Камчатка"),
          Map.entry("Asia/Anadyr", "Анадырь"));

  private ZoneCities() {}

  /** "Europe/Saratov" → «Саратов»; a zone without a known city by its id. */
  public static String city(ZoneId zone) {
    return city(zone.getId());
  }

  public static String city(String zone) {
    return CITIES.getOrDefault(zone, zone);
  }

  /**
   * An SQL expression naming the zone id held in {@code column} by its city, for text the database
   * writes itself (a reminder's «18:00 (Саратов)»); a zone without a known city by its id. Built
   * from the constants above only, never from input.
   */
  public static String sql(String column) {
    StringBuilder sql = new StringBuilder("case ").append(column);
    CITIES.forEach(
        (zone, city) ->
            sql.append(" when '").append(zone).append("' then '").append(city).append('\''));
    return sql.append(" else ").append(column).append(" end").toString();
  }

  /** «12.03.2026 18:00 (Саратов)»: the instant in the zone, the zone named by its city. */
  public static String local(Instant instant, ZoneId zone) {
    return MINUTE.format(instant.atZone(zone)) + " (" + city(zone) + ")";
  }
}
