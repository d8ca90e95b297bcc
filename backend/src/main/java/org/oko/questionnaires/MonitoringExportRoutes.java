package org.oko.questionnaires;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.QueryParameters;
import org.oko.platform.web.RouteProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaires' monitoring as a bulk download (tag {@code exports}; issue 23, "Bulk exports":
 * monitoring): every line of a level (points, municipalities or regions) in the caller's part, and
 * the total, as {@code .xlsx}, CSV or NDJSON. The lines are the monitoring page's, every one.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringExportRoutes {

  static final List<String> HEADER =
      List.of(
          "Регион",
          "Код",
          "Наименование",
          "Комплектов",
          "Использовано комплектов",
          "Начали анкету",
          "Сдали анкету");

  private static final Role[] READERS = {
    Role.FEDERAL,
    Role.REGIONAL,
    Role.RESPONSIBLE,
    Role.MUNICIPAL,
    Role.ORGANIZATION,
    Role.API_CLIENT
  };

  @Bean
  RouterFunction<ServerResponse> questionnaireMonitoringExportRouter(
      QuestionnaireMonitoringService monitoring, JsonMapper json) {
    return route(
            GET("/api/campaigns/{campaignId}/exports/questionnaire-monitoring"),
            request -> Mono.defer(() -> export(monitoring, json, request)))
        .filter(RouteProblems.filter());
  }

  private static Mono<ServerResponse> export(
      QuestionnaireMonitoringService monitoring, JsonMapper json, ServerRequest request) {
    long campaignId = PathVariables.id(request, "campaignId");
    var filter =
        new QuestionnaireMonitoringService.Filter(
            campaignId,
            request.queryParam("subjectKey").orElse(null),
            request.queryParam("regionCode").orElse(null),
            QueryParameters.municipalityId(request));
    MonitoringRules.Level level = level(request);
    ExportFormat format = ExportFormat.of(request);
    var buffers = request.exchange().getResponse().bufferFactory();
    return CurrentCaller.withRole(READERS)
        .flatMap(
            caller ->
                monitoring.page(caller, filter, level, new Paging(0, Integer.MAX_VALUE), null))
        .flatMap(
            page -> {
              List<MonitoringRules.Line> lines = new ArrayList<>(page.lines());
              lines.add(page.total());
              var layout =
                  new StreamedExport.Layout<MonitoringRules.Line>(
                      "Анкетирование", HEADER, MonitoringExportRoutes::cells, l -> line(level, l));
              return StreamedExport.download(
                  format,
                  "Анкетирование, кампания " + campaignId,
                  StreamedExport.body(format, layout, Flux.fromIterable(lines), json, buffers));
            });
  }

  private static List<Object> cells(MonitoringRules.Line l) {
    return Arrays.asList(
        l.regionCode(), l.key(), l.name(), l.kits(), l.used(), l.started(), l.submitted());
  }

  private static Map<String, Object> line(MonitoringRules.Level level, MonitoringRules.Line l) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", "total".equals(l.key()) ? "TOTAL" : level.name());
    out.put("key", l.key());
    out.put("name", l.name());
    out.put("regionCode", l.regionCode());
    out.put("kits", l.kits());
    out.put("used", l.used());
    out.put("started", l.started());
    out.put("submitted", l.submitted());
    return out;
  }

  private static MonitoringRules.Level level(ServerRequest request) {
    String value = request.queryParam("level").orElse("POINT");
    try {
      return MonitoringRules.Level.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "level", "Уровень: REGION, MUNICIPALITY или POINT, а не «" + value + "»");
    }
  }
}
