package org.oko.forms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form's monitoring as a streamed export: the lines of {@link MonitoringWorkbook}'s table for
 * people (times in each respondent's region's time, the city named in the header), and for machines
 * one NDJSON object per respondent with stable keys and UTC times.
 */
final class MonitoringExport {

  static final List<String> HEADER =
      List.of(
          "Регион",
          "Муниципалитет",
          "Логин",
          "Наименование",
          "Статус",
          "Изменён (время региона)",
          "Отчёт сдан (время региона)",
          "Сдано версий",
          "id организации");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private MonitoringExport() {}

  static Flux<DataBuffer> body(
      ExportFormat format,
      Flux<FormMonitoringStore.Line> lines,
      JsonMapper json,
      DataBufferFactory buffers) {
    return StreamedExport.body(
        format,
        new StreamedExport.Layout<FormMonitoringStore.Line>(
            MonitoringWorkbook.SHEET, HEADER, MonitoringExport::cells, MonitoringExport::line),
        lines,
        json,
        buffers);
  }

  private static List<Object> cells(FormMonitoringStore.Line line) {
    Respondent r = line.respondent();
    return Arrays.asList(
        r.regionCode(),
        r.municipalityName(),
        r.login(),
        r.name(),
        MonitoringWorkbook.status(line.status()),
        time(line.updatedAt(), line.zone()),
        time(line.submittedAt(), line.zone()),
        line.submissions(),
        r.organizationId());
  }

  private static Map<String, Object> line(FormMonitoringStore.Line line) {
    Respondent r = line.respondent();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.organizationId());
    out.put("kind", r.kind().name());
    out.put("organization", r.login());
    out.put("municipalityId", r.municipalityId());
    out.put("name", r.name());
    out.put("regionCode", r.regionCode());
    out.put("status", line.status().name());
    out.put("submissions", line.submissions());
    out.put("updatedAt", line.updatedAt() == null ? null : line.updatedAt().toString());
    out.put("submittedAt", line.submittedAt() == null ? null : line.submittedAt().toString());
    return out;
  }

  private static String time(Instant time, ZoneId zone) {
    return time == null ? null : time.atZone(zone).format(TIME);
  }
}
