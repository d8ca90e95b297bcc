package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.platform.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * «Сформировать excel шаблон»: a template carries the response's current rows (or the pre-filled
 * ones). A filled template comes back through «Загрузить из excel» ({@link ResponseUploadService}).
 */
@Service
class FormTemplateService {

  /** A template to download, with its file name. */
  record Template(TemplateWorkbook workbook, String fileName) {}

  private final FormAccess access;
  private final FormResponseStore store;
  private final ResponseContentStore contents;

  FormTemplateService(FormAccess access, FormResponseStore store, ResponseContentStore contents) {
    this.access = access;
    this.store = store;
    this.contents = contents;
  }

  Mono<Template> template(Caller caller, long formId, String organization, Long municipalityId) {
    return template(caller, new ResponseVersionService.Whose(formId, organization, municipalityId));
  }

  /** The template of the respondent named (possibly a region's part). */
  Mono<Template> template(Caller caller, ResponseVersionService.Whose whose) {
    return access
        .target(
            caller,
            whose.formId(),
            whose.organization(),
            whose.municipalityId(),
            whose.regionPart())
        .flatMap(
            t ->
                store
                    .head(t.form().id(), t.respondent())
                    .flatMap(
                        row ->
                            contents
                                .counts(row.id(), row.contentGen())
                                .map(n -> StoredRows.of(contents, row, t.schema(), n)))
                    .switchIfEmpty(
                        Mono.fromSupplier(
                            () -> FormValidation.of(t.schema(), Map.of(), t.prefill()).content()))
                    .map(content -> template(t, content)));
  }

  /**
   * The template with {@code content}: the stored rows, read a page at a time as the workbook is
   * written ({@link StoredRows}), or the pre-filled ones when the respondent has not started.
   */
  private static Template template(
      ResponseTarget t, Map<String, List<Map<String, String>>> content) {
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
}
