package org.oko.questionnaires;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every submitted questionnaire of a campaign as one table ({@link AnswersWorkbook}), {@code .xlsx}
 * (SXSSF) or CSV (UTF-8 with a BOM, {@code ;}, RFC 4180 quoting, so that Excel opens it). Rows
 * stream from the database into a temporary file, which is answered and removed. No personal data
 * exists to export: a kit is all that stands for a participant.
 */
@Service
class ResponseExportService {

  enum Format {
    XLSX,
    CSV
  }

  /** The finished file (removed once read), its name and format. */
  record Export(Resource file, String fileName, Format format) {}

  private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {};

  private final CampaignDirectory campaigns;
  private final QuestionnaireDefinitionStore definitions;
  private final SubmittedAnswersStore answers;
  private final BlobStore blobs;
  private final JsonMapper json;

  ResponseExportService(
      CampaignDirectory campaigns,
      QuestionnaireDefinitionStore definitions,
      SubmittedAnswersStore answers,
      BlobStore blobs,
      JsonMapper json) {
    this.campaigns = campaigns;
    this.definitions = definitions;
    this.answers = answers;
    this.blobs = blobs;
    this.json = json;
  }

  /** The export of the campaign's answers, of one category (its value) or of all for null. */
  Mono<Export> export(Caller caller, long campaignId, Format format, String category) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> export(campaign, format, category));
  }

  private Mono<Export> export(CampaignInfo campaign, Format format, String only) {
    return definitions
        .ofCampaign(campaign.id())
        .filter(d -> only == null || d.category().equals(only))
        .collectList()
        .flatMap(
            defs -> {
              AnswersWorkbook.Layout layout = AnswersWorkbook.Layout.of(defs);
              return Mono.usingWhen(
                      blobs.tempFile(),
                      file -> write(campaign, format, only, layout, file).then(serve(file, format)),
                      file -> Mono.empty(),
                      (file, e) -> delete(file),
                      file -> delete(file))
                  .map(resource -> new Export(resource, fileName(campaign, format), format));
            });
  }

  private Mono<Void> write(
      CampaignInfo campaign,
      Format format,
      String category,
      AnswersWorkbook.Layout layout,
      Path file) {
    Map<String, String> subjects = new HashMap<>();
    for (Subject s : campaign.subjects()) {
      subjects.put(s.key(), s.name());
    }
    return Mono.usingWhen(
        Mono.fromCallable(
                () ->
                    format == Format.XLSX
                        ? new AnswersTable.XlsxTable(file)
                        : (AnswersTable) new AnswersTable.CsvTable(file))
            .subscribeOn(Schedulers.boundedElastic()),
        table ->
            Mono.fromRunnable(() -> table.row(new ArrayList<>(layout.header()), true))
                .thenMany(
                    answers
                        .rows(campaign.id(), category)
                        .publishOn(Schedulers.boundedElastic())
                        .doOnNext(s -> table.row(cells(s, layout, subjects), false)))
                .then(Mono.fromRunnable(table::finish)),
        table -> Mono.fromRunnable(table::close).subscribeOn(Schedulers.boundedElastic()),
        (table, e) -> Mono.fromRunnable(table::close).subscribeOn(Schedulers.boundedElastic()),
        table -> Mono.fromRunnable(table::close).subscribeOn(Schedulers.boundedElastic()));
  }

  private List<Object> cells(
      SubmittedAnswersStore.Submitted s,
      AnswersWorkbook.Layout layout,
      Map<String, String> subjects) {
    return AnswersWorkbook.cells(s, json.readValue(s.answers(), ANSWERS), layout, subjects);
  }

  private static String fileName(CampaignInfo campaign, Format format) {
    return "Ответы на анкеты, кампания "
        + campaign.id()
        + (format == Format.XLSX ? ".xlsx" : ".csv");
  }

  /** The finished file, opened and already unlinked, so that it disappears once read. */
  private static Mono<Resource> serve(Path file, Format format) {
    return Mono.fromCallable(
            () -> {
              long size = Files.size(file);
              InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
              Resource resource =
                  new InputStreamResource(in) {
                    @Override
                    public long contentLength() {
                      return size;
                    }

                    @Override
                    public String getFilename() {
                      return null;
                    }
                  };
              return resource;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static Mono<Void> delete(Path file) {
    return Mono.fromCallable(() -> Files.deleteIfExists(file))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(e -> Mono.empty())
        .then();
  }
}
