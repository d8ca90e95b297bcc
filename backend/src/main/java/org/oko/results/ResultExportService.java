package org.oko.results;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.Caller;
import org.oko.platform.web.InvalidRequestException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every participant's result of a campaign in the caller's scope, streamed while it is read (issue
 * 23, "Bulk exports of any size": results): the region's own systems (seed 003 §12) take the scores
 * per participant code without paging through report 5 organization by organization. Codes only,
 * never names (seed 000: the results hold no personal data).
 */
@Service
class ResultExportService {

  /** What to export, and where NDJSON resumes (the {@code id} of the last line received). */
  record Request(long campaignId, ExportFormat format, String subjectKey, String after) {}

  /** The file's chunks as they are written, its name and format. */
  record Export(Flux<DataBuffer> body, String fileName, ExportFormat format) {}

  static final List<String> HEADER =
      List.of(
          "Регион",
          "Муниципалитет",
          "Логин ОО",
          "Наименование ОО",
          "Предмет",
          "Класс",
          "Код участника",
          "Вариант",
          "Баллы по заданиям",
          "Первичный балл",
          "Отметка",
          "Отметка по журналу");

  private final CampaignDirectory campaigns;
  private final ResultExportStore store;
  private final JsonMapper json;

  ResultExportService(CampaignDirectory campaigns, ResultExportStore store, JsonMapper json) {
    this.campaigns = campaigns;
    this.store = store;
    this.json = json;
  }

  /**
   * The export, once the campaign is known to be the caller's (404 before any byte otherwise) and
   * the caller is a coordinator or a region's system (403 for an organization: its report 5).
   */
  Mono<Export> export(Caller caller, Request request, DataBufferFactory buffers) {
    ReportAccess.requireCoordinator(caller);
    ResultExportStore.Key after = key(request.after());
    Visibility visibility = ReportAccess.scope(caller);
    var wanted =
        new ResultExportStore.Wanted(
            request.campaignId(),
            request.subjectKey(),
            visibility.condition(ScopeCondition.Columns.of("o")),
            ReportAccess.waitsForRelease(caller));
    return campaigns
        .visibleTo(caller, request.campaignId())
        .map(campaign -> checkedSubject(campaign, request.subjectKey()))
        .map(
            campaign ->
                new Export(
                    body(campaign, request, wanted, after, buffers),
                    "Результаты, кампания " + campaign.id(),
                    request.format()));
  }

  private Flux<DataBuffer> body(
      CampaignInfo campaign,
      Request request,
      ResultExportStore.Wanted wanted,
      ResultExportStore.Key after,
      DataBufferFactory buffers) {
    Map<String, String> subjects = new HashMap<>();
    for (Subject s : campaign.subjects()) {
      subjects.put(s.key(), s.name());
    }
    Flux<ResultExportStore.Exported> rows =
        request.format() == ExportFormat.NDJSON
            ? store.forMachines(wanted, after)
            : store.forPeople(wanted);
    return StreamedExport.body(
        request.format(),
        new StreamedExport.Layout<ResultExportStore.Exported>(
            "Результаты", HEADER, r -> cells(r, subjects), r -> line(r, subjects)),
        rows,
        json,
        buffers);
  }

  private static CampaignInfo checkedSubject(CampaignInfo campaign, String subjectKey) {
    if (subjectKey != null
        && campaign.subjects().stream().noneMatch(s -> s.key().equals(subjectKey))) {
      throw new InvalidRequestException(
          "subject", "В кампании " + campaign.id() + " нет предмета «" + subjectKey + "»");
    }
    return campaign;
  }

  private static List<Object> cells(ResultExportStore.Exported r, Map<String, String> subjects) {
    return Arrays.asList(
        r.regionCode() + " " + r.region(),
        r.municipality() == null ? "Без муниципалитета" : r.municipality(),
        r.login(),
        r.name(),
        subjects.getOrDefault(r.key().subjectKey(), r.key().subjectKey()),
        r.classLetter(),
        r.key().code(),
        r.variant() == null ? null : r.variant().intValue(),
        String.join(" ", Arrays.stream(r.scores()).map(String::valueOf).toList()),
        r.total(),
        r.grade() == null ? null : r.grade().intValue(),
        r.journalGrade() == null ? null : r.journalGrade().intValue());
  }

  private static Map<String, Object> line(
      ResultExportStore.Exported r, Map<String, String> subjects) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", id(r.key()));
    line.put("regionCode", r.regionCode());
    line.put("organizationId", r.key().organizationId());
    line.put("organization", r.login());
    line.put("subject", r.key().subjectKey());
    line.put("subjectName", subjects.getOrDefault(r.key().subjectKey(), r.key().subjectKey()));
    line.put("classLetter", r.classLetter());
    line.put("code", r.key().code());
    line.put("variant", r.variant());
    line.put("scores", r.scores());
    line.put("total", r.total());
    line.put("grade", r.grade());
    line.put("journalGrade", r.journalGrade());
    return line;
  }

  /** A line's id: subject, organization id and participant code, joined by «/». */
  static String id(ResultExportStore.Key key) {
    return key.subjectKey() + "/" + key.organizationId() + "/" + key.code();
  }

  /** The {@code after} of a resumed download; 400 in Russian when it is not a line's id. */
  static ResultExportStore.Key key(String after) {
    if (after == null) {
      return null;
    }
    String[] parts = after.split("/", 3);
    try {
      if (parts.length == 3 && !parts[0].isEmpty() && !parts[2].isEmpty()) {
        return new ResultExportStore.Key(parts[0], Long.parseLong(parts[1]), parts[2]);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException(
        "after",
        "after — это id последней полученной строки выгрузки (предмет/id организации/код"
            + " участника), а не «"
            + after
            + "»");
  }
}
