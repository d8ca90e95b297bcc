package org.oko.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import org.oko.platform.web.InvalidRequestException;

/**
 * Which addresses a background export may run: the streamed bulk exports (tag {@code exports}) and
 * the monitoring workbooks, on this server, with their query. Anything else (another host, another
 * operation, a path that climbs out with {@code ..}) is refused before a job exists.
 */
final class ExportJobRules {

  static final String FIELD = "export";

  private static final List<Pattern> EXPORTS =
      List.of(
          Pattern.compile("/api/forms/\\d{1,18}/responses"),
          Pattern.compile("/api/forms/\\d{1,18}/(monitoring/export|exports/monitoring)"),
          Pattern.compile("/api/exports/organizations"),
          Pattern.compile("/api/campaigns/\\d{1,18}/questionnaire-responses"),
          Pattern.compile(
              "/api/campaigns/\\d{1,18}/exports/(results|scan-sheets|questionnaire-monitoring)"));

  private ExportJobRules() {}

  /** The export's address as it will be requested (path and query); 400 in Russian otherwise. */
  static String check(String export) {
    URI uri;
    try {
      uri = new URI(export.strip());
    } catch (URISyntaxException e) {
      throw refused(export);
    }
    String path = uri.getRawPath();
    if (uri.getScheme() != null
        || uri.getRawAuthority() != null
        || uri.getRawFragment() != null
        || path == null
        || EXPORTS.stream().noneMatch(p -> p.matcher(path).matches())) {
      throw refused(export);
    }
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static InvalidRequestException refused(String export) {
    return new InvalidRequestException(
        FIELD,
        "В фоне выполняются только выгрузки: ответы формы (/api/forms/{id}/responses), мониторинг"
            + " формы, организации (/api/exports/organizations), анкеты и мониторинг анкетирования,"
            + " результаты и сканы кампании. Адрес «"
            + export
            + "» не из их числа: укажите путь выгрузки с параметрами, без сервера.");
  }
}
