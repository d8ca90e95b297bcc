package org.oko.scans;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statuses of every current scanned sheet of a campaign in the caller's scope, streamed while
 * it is read (issue 23, "Bulk exports of any size": scans' statuses): a region's РЦОИ system (seed
 * 003 §12) sees which pages were accepted, which failed and why, and which are scored, without
 * paging through the sheet list.
 */
@Service
class ScanExportService {

  /** What to export, and where NDJSON resumes (the {@code id} of the last line received). */
  record Request(
      long campaignId, ExportFormat format, String subjectKey, String status, Long after) {}

  /** The file's chunks as they are written, its name and format. */
  record Export(Flux<DataBuffer> body, String fileName, ExportFormat format) {}

  static final List<String> HEADER =
      List.of(
          "Регион",
          "Муниципалитет",
          "Логин ОО",
          "Предмет",
          "Комплект",
          "Страница",
          "Файл",
          "Статус",
          "Причина ошибки",
          "Загружен (время региона)",
          "Статус изменён (время региона)",
          "id листа",
          "id загрузки");

  /** The statuses as the scans pages name them. */
  static final Map<String, String> STATUSES =
      Map.of(
          "UPLOADED", "Загружен, ждёт проверки",
          "PROCESSING", "Проверяется",
          "ACCEPTED", "Принят",
          "ERROR", "Ошибка",
          "ASSIGNED", "У экспертов",
          "SCORED", "Оценён",
          "VERIFIED", "Оценка утверждена");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final CampaignDirectory campaigns;
  private final ScanExportStore store;
  private final JsonMapper json;

  ScanExportService(CampaignDirectory campaigns, ScanExportStore store, JsonMapper json) {
    this.campaigns = campaigns;
    this.store = store;
    this.json = json;
  }

  /** The export, once the campaign is known to be the caller's (404 before any byte otherwise). */
  Mono<Export> export(Caller caller, Request request, DataBufferFactory buffers) {
    ScanScope scope = ScanScope.of(caller);
    var wanted =
        new ScanExportStore.Wanted(
            request.campaignId(), request.subjectKey(), request.status(), scope.on("s"));
    return campaigns
        .visibleTo(caller, request.campaignId())
        .map(
            campaign ->
                new Export(
                    body(campaign, request, wanted, buffers),
                    "Сканы, кампания " + campaign.id(),
                    request.format()));
  }

  private Flux<DataBuffer> body(
      CampaignInfo campaign,
      Request request,
      ScanExportStore.Wanted wanted,
      DataBufferFactory buffers) {
    Map<String, String> subjects = new HashMap<>();
    for (Subject s : campaign.subjects()) {
      subjects.put(s.key(), s.name());
    }
    Flux<ScanExportStore.Exported> rows =
        request.format() == ExportFormat.NDJSON
            ? store.forMachines(wanted, request.after())
            : store.forPeople(wanted);
    return StreamedExport.body(
        request.format(),
        new StreamedExport.Layout<ScanExportStore.Exported>(
            "Сканы", HEADER, s -> cells(s, subjects), ScanExportService::line),
        rows,
        json,
        buffers);
  }

  private static List<Object> cells(ScanExportStore.Exported s, Map<String, String> subjects) {
    ZoneId zone = s.zone() == null ? ZoneId.of("UTC") : ZoneId.of(s.zone());
    return Arrays.asList(
        s.regionCode() + " " + s.region(),
        s.municipality() == null ? "Без муниципалитета" : s.municipality(),
        s.login(),
        subjects.getOrDefault(s.subjectKey(), s.subjectKey()),
        s.kitNumber(),
        s.page(),
        s.fileName(),
        STATUSES.getOrDefault(s.status(), s.status()),
        s.errorMessage(),
        s.uploadedAt().atZone(zone).format(TIME),
        s.updatedAt().atZone(zone).format(TIME),
        s.id(),
        s.batchId());
  }

  private static Map<String, Object> line(ScanExportStore.Exported s) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", s.id());
    line.put("batchId", s.batchId());
    line.put("regionCode", s.regionCode());
    line.put("organizationId", s.organizationId());
    line.put("organization", s.login());
    line.put("subject", s.subjectKey());
    line.put("kit", s.kitNumber());
    line.put("page", s.page());
    line.put("fileName", s.fileName());
    line.put("status", s.status());
    line.put("errorCode", s.errorCode());
    line.put("errorMessage", s.errorMessage());
    line.put("uploadedAt", s.uploadedAt().toString());
    line.put("updatedAt", s.updatedAt().toString());
    return line;
  }
}
