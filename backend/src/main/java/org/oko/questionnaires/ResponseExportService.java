package org.oko.questionnaires;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.kits.QuestionnaireLogins;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every submitted questionnaire of a campaign in the caller's scope, streamed while it is read
 * (issue 23, "Bulk exports of any size"): the first bytes leave at once, memory stays flat however
 * many rows there are, and no file is written on the server. For people, one table ({@link
 * AnswersWorkbook}) as {@code .xlsx} or CSV (UTF-8 with a BOM, {@code ;}, RFC 4180 quoting, so that
 * Excel opens it); for machines, NDJSON: one JSON object per questionnaire with its raw answers, in
 * session order, resumable after the last {@code id} received. No personal data exists to export: a
 * kit is all that stands for a participant.
 */
@Service
class ResponseExportService {

  /** What to export: a category (its value) or all for null, and where NDJSON resumes. */
  record Request(long campaignId, ExportFormat format, String category, UUID after) {}

  /** The file's chunks as they are written, its name and format. */
  record Export(Flux<DataBuffer> body, String fileName, ExportFormat format) {}

  private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {};

  private final CampaignDirectory campaigns;
  private final QuestionnaireDefinitionStore definitions;
  private final SubmittedAnswersStore answers;
  private final JsonMapper json;

  ResponseExportService(
      CampaignDirectory campaigns,
      QuestionnaireDefinitionStore definitions,
      SubmittedAnswersStore answers,
      JsonMapper json) {
    this.campaigns = campaigns;
    this.definitions = definitions;
    this.answers = answers;
    this.json = json;
  }

  /**
   * The export, once the campaign is known to be the caller's (404 before any byte otherwise); its
   * rows are read only as the body is sent.
   */
  Mono<Export> export(Caller caller, Request request, DataBufferFactory buffers) {
    ScopeCondition scope = Visibility.of(caller).condition(ScopeCondition.Columns.ofRowsIn("s"));
    return campaigns
        .visibleTo(caller, request.campaignId())
        .flatMap(
            campaign ->
                definitions
                    .ofCampaign(campaign.id())
                    .filter(
                        d -> request.category() == null || d.category().equals(request.category()))
                    .collectList()
                    .map(AnswersWorkbook.Layout::of)
                    .map(
                        layout ->
                            new Export(
                                body(campaign, request, layout, scope, buffers),
                                fileName(campaign),
                                request.format())));
  }

  private Flux<DataBuffer> body(
      CampaignInfo campaign,
      Request request,
      AnswersWorkbook.Layout layout,
      ScopeCondition scope,
      DataBufferFactory buffers) {
    boolean forMachines = request.format() == ExportFormat.NDJSON;
    Flux<SubmittedAnswersStore.Submitted> rows =
        answers.rows(campaign.id(), request.category(), scope, forMachines, request.after());
    Map<String, String> subjects = subjectNames(campaign);
    return StreamedExport.body(
        request.format(),
        new StreamedExport.Layout<SubmittedAnswersStore.Submitted>(
            AnswersWorkbook.SHEET,
            layout.header(),
            s -> cells(s, layout, subjects),
            s -> machineRow(s, subjects)),
        rows,
        json,
        buffers);
  }

  private List<Object> cells(
      SubmittedAnswersStore.Submitted s,
      AnswersWorkbook.Layout layout,
      Map<String, String> subjects) {
    return AnswersWorkbook.cells(s, json.readValue(s.answers(), ANSWERS), layout, subjects);
  }

  /** A line for a regional system: stable keys and the answers as the questionnaire stores them. */
  private Map<String, Object> machineRow(
      SubmittedAnswersStore.Submitted s, Map<String, String> subjects) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", s.id().toString());
    row.put("regionCode", s.regionCode());
    row.put("point", s.point());
    row.put("subject", s.subjectKey());
    row.put(
        "subjectName",
        subjects.getOrDefault(
            s.subjectKey(),
            QuestionnaireLogins.respondents(s.subjectKey()).orElse(s.subjectKey())));
    row.put("category", s.category());
    row.put("kit", s.kit());
    row.put("submittedAt", s.submittedAt() == null ? null : s.submittedAt().toString());
    row.put("answers", json.readValue(s.answers(), ANSWERS));
    return row;
  }

  private static Map<String, String> subjectNames(CampaignInfo campaign) {
    Map<String, String> subjects = new HashMap<>();
    for (Subject s : campaign.subjects()) {
      subjects.put(s.key(), s.name());
    }
    return subjects;
  }

  private static String fileName(CampaignInfo campaign) {
    return "Ответы на анкеты, кампания " + campaign.id();
  }
}
