package org.oko.forms;

import java.nio.file.Path;
import java.util.List;
import org.oko.api.model.FormResponse;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UploadBody;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A filled template replacing a response's content: who may upload, the stage and the status are
 * checked before the body is read; the body is streamed to a temporary file, read sheet by sheet in
 * constant memory, every cell checked; only a file without a single problem replaces the content
 * (and is submitted, when asked). Otherwise the previous content stays untouched.
 */
@Component
class FormUploads {

  /** Header rows a template sheet has at most (a group row and the titles), with room to spare. */
  private static final int HEADER_ROWS = 10;

  private final FormResponseService responses;
  private final BlobStore blobs;
  private final long maxBytes;

  FormUploads(FormResponseService responses, BlobStore blobs, FormsProperties properties) {
    this.responses = responses;
    this.blobs = blobs;
    this.maxBytes = properties.maxUploadSize().toBytes();
  }

  Mono<ServerResponse> upload(ServerRequest request) {
    long formId = pathId(request);
    String organization = request.queryParam("organization").orElse(null);
    Long municipalityId = longParam(request, "municipalityId");
    Long version = longParam(request, "version");
    boolean submit = request.queryParam("submit").map(Boolean::parseBoolean).orElse(false);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                responses
                    .uploadTarget(caller, formId, organization, municipalityId)
                    .flatMap(
                        target ->
                            blobs.withStaged(
                                UploadBody.of(request), maxBytes, file -> read(file, target)))
                    .flatMap(this::checkLogins)
                    .flatMap(
                        reader ->
                            responses.replaceFromUpload(
                                caller,
                                formId,
                                organization,
                                municipalityId,
                                reader.content(),
                                version,
                                submit)))
        .flatMap(
            response ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue((FormResponse) response));
  }

  private Mono<TemplateWorkbookReader> read(Path file, FormResponseService.Target target) {
    return Mono.fromCallable(
            () ->
                TemplateWorkbookReader.read(
                    file, target.schema(), signature(target), target.prefill(), limits(target)))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(
            UnreadableWorkbookException.class,
            e ->
                new UnprocessableException(
                    e.getMessage(), List.of(FieldProblem.of(null, e.getMessage()))));
  }

  private Mono<TemplateWorkbookReader> checkLogins(TemplateWorkbookReader reader) {
    if (reader.refused()) {
      return Mono.error(reader.problems().toException("Файл не принят"));
    }
    return responses
        .knownLogins(reader.logins())
        .map(
            known -> {
              reader.rejectUnknownLogins(known);
              if (!reader.problems().isEmpty()) {
                throw reader.problems().toException("Файл не загружен");
              }
              return reader;
            });
  }

  private static TemplateSignature signature(FormResponseService.Target target) {
    FormDefinitionRow form = target.form();
    Respondent respondent = target.respondent();
    return respondent.isOrganization()
        ? TemplateSignature.forOrganization(
            form.id(), form.version(), form.campaignId(), respondent.organizationId())
        : TemplateSignature.forMunicipality(
            form.id(), form.version(), form.campaignId(), respondent.municipalityId());
  }

  /**
   * Enough rows for the largest sheet and its header; a file with a million rows is refused at that
   * line, not read to its end. (The reader counts only rows holding a value, so the blank rows a
   * template leaves open do not count.)
   */
  private static WorkbookReader.Limits limits(FormResponseService.Target target) {
    int rows = 0;
    for (SheetSpec sheet : target.schema().sheets()) {
      int prefilled =
          sheet.prefilled() ? target.prefill().getOrDefault(sheet.key(), List.of()).size() : 0;
      rows = Math.max(rows, Math.max(sheet.effectiveMaxRows(), prefilled));
    }
    return new WorkbookReader.Limits(
        rows + HEADER_ROWS, WorkbookReader.Limits.DEFAULT.maxCellLength());
  }

  private static long pathId(ServerRequest request) {
    try {
      return Long.parseLong(request.pathVariable("formId"));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("formId", "Неверный номер формы");
    }
  }

  private static Long longParam(ServerRequest request, String name) {
    return request
        .queryParam(name)
        .map(
            value -> {
              try {
                return Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new InvalidRequestException(name, "Ожидается целое число");
              }
            })
        .orElse(null);
  }
}
