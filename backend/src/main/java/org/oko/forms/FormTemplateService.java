package org.oko.forms;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * «Сформировать excel шаблон» and «Загрузить из excel». A template carries the response's current
 * rows (or the pre-filled ones). A filled template replaces a response's content: who may upload,
 * the stage and the status are checked before the body is read; the body is streamed to a temporary
 * file, read sheet by sheet in constant memory, every cell checked; only a file without a single
 * problem replaces the content (and is submitted, when asked). Otherwise the previous content stays
 * untouched.
 */
@Service
class FormTemplateService {

  /** Header rows a template sheet has at most (a group row and the titles), with room to spare. */
  private static final int HEADER_ROWS = 10;

  /** A template to download, with its file name. */
  record Template(TemplateWorkbook workbook, String fileName) {}

  /** An upload as asked: whose response, the version it replaces (optional), submit or not. */
  record Upload(
      long formId, String organization, Long municipalityId, Long version, boolean submit) {}

  private final FormAccess access;
  private final ResponseWriteService writes;
  private final FormResponseService responses;
  private final FormResponseStore store;
  private final BlobStore blobs;
  private final long maxBytes;

  FormTemplateService(
      FormAccess access,
      ResponseWriteService writes,
      FormResponseService responses,
      FormResponseStore store,
      BlobStore blobs,
      FormsProperties properties) {
    this.access = access;
    this.writes = writes;
    this.responses = responses;
    this.store = store;
    this.blobs = blobs;
    this.maxBytes = properties.maxUploadSize().toBytes();
  }

  Mono<Template> template(Caller caller, long formId, String organization, Long municipalityId) {
    return access
        .target(caller, formId, organization, municipalityId)
        .flatMap(t -> writes.own(t).map(row -> template(t, row.orElse(null))));
  }

  private static Template template(ResponseTarget t, ResponseRow row) {
    Map<String, List<Map<String, String>>> content =
        row != null
            ? row.content()
            : FormValidation.of(t.schema(), Map.of(), t.prefill()).content();
    FormDefinitionRow form = t.form();
    Respondent r = t.respondent();
    TemplateWorkbook workbook =
        new TemplateWorkbook(
            form.title(),
            form.instruction(),
            form.schema(),
            r.name(),
            r.login(),
            t.signature(),
            content);
    String who =
        r.isOrganization()
            ? r.login()
            : r.isRegionPart() ? "region" + r.regionCode() : "mun" + r.municipalityId();
    return new Template(workbook, form.code() + "-" + who + ".xlsx");
  }

  /** Reads a filled template into the response; the response as it is then. */
  Mono<ResponseView> upload(Caller caller, Upload upload, Flux<DataBuffer> body) {
    return writes
        .writable(caller, upload.formId(), upload.organization(), upload.municipalityId())
        .map(
            w -> {
              ResponseRules.requireNotSubmitted(w.row());
              return w.target();
            })
        .flatMap(
            target ->
                blobs
                    .withStaged(body, maxBytes, file -> read(file, target))
                    .flatMap(reader -> checkLogins(reader, target)))
        .flatMap(reader -> replace(caller, upload, reader.content()));
  }

  private Mono<TemplateWorkbookReader> read(Path file, ResponseTarget target) {
    return Mono.fromCallable(
            () ->
                TemplateWorkbookReader.read(
                    file, target.schema(), target.signature(), target.prefill(), limits(target)))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(
            UnreadableWorkbookException.class,
            e ->
                new UnprocessableException(
                    e.getMessage(), List.of(FieldProblem.of(null, e.getMessage()))));
  }

  private Mono<TemplateWorkbookReader> checkLogins(
      TemplateWorkbookReader reader, ResponseTarget target) {
    if (reader.refused()) {
      return Mono.error(reader.problems().toException("Файл не принят"));
    }
    return Mono.zip(writes.knownLogins(reader.logins()), writes.issuedCodes(target))
        .map(
            known -> {
              reader.rejectUnknownLogins(known.getT1());
              known.getT2().ifPresent(reader::rejectUnissuedCodes);
              if (!reader.problems().isEmpty()) {
                throw reader.problems().toException("Файл не загружен");
              }
              return reader;
            });
  }

  /**
   * Replaces the response's content with an uploaded file's, already checked completely (no
   * problems, logins included), and submits it when asked. Checks again, in order, the caller, the
   * stage, that the response is not submitted and, when given, its version.
   */
  private Mono<ResponseView> replace(Caller caller, Upload upload, FormValidation.Content content) {
    return writes
        .writable(caller, upload.formId(), upload.organization(), upload.municipalityId())
        .flatMap(
            w -> {
              ResponseRow row = w.row();
              ResponseRules.requireNotSubmitted(row);
              if (upload.version() != null) {
                ResponseRules.requireVersion(row, upload.version());
              }
              Mono<Long> saved =
                  upload.submit()
                      ? writes.submitValid(caller, w.target(), row, content)
                      : writes.writeDraft(caller, w.target(), row, content, 0);
              return saved
                  .flatMap(id -> store.byId(id, content))
                  .flatMap(r -> responses.view(caller, w.target(), r, List.of()));
            });
  }

  /**
   * Enough rows for the largest sheet and its header; a file with a million rows is refused at that
   * line, not read to its end. (The reader counts only rows holding a value, so the blank rows a
   * template leaves open do not count.)
   */
  private static WorkbookReader.Limits limits(ResponseTarget target) {
    int rows = 0;
    for (SheetSpec sheet : target.schema().sheets()) {
      int prefilled =
          sheet.prefilled() ? target.prefill().getOrDefault(sheet.key(), List.of()).size() : 0;
      rows = Math.max(rows, Math.max(sheet.effectiveMaxRows(), prefilled));
    }
    return new WorkbookReader.Limits(
        rows + HEADER_ROWS, WorkbookReader.Limits.DEFAULT.maxCellLength());
  }
}
