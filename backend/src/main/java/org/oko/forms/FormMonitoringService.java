package org.oko.forms;

import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.KeysetRows;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which respondents of a form in the coordinator's part (narrowed to a region or municipality when
 * asked) have not started, have a draft or submitted; a page of them, or all for the export.
 */
@Service
class FormMonitoringService {

  static final Role[] COORDINATORS = {
    Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE
  };

  /** Which respondents: the form, where, and of which status (each null for all). */
  record Filter(long formId, String regionCode, Long municipalityId, ResponseStatus status) {}

  /** The export's lines, and the form they are of. */
  record Export(FormDefinitionRow form, FormMonitoringStore.Result result) {}

  private final FormAccess access;
  private final OrganizationDirectory organizations;
  private final FormMonitoringStore store;
  private final JsonMapper json;

  FormMonitoringService(
      FormAccess access,
      OrganizationDirectory organizations,
      FormMonitoringStore store,
      JsonMapper json) {
    this.access = access;
    this.organizations = organizations;
    this.store = store;
    this.json = json;
  }

  /** A page by number, or (keyset, {@code afterId} not null) the organizations after that id. */
  Mono<FormMonitoringStore.Result> page(Caller caller, Filter filter, Paging paging, Long afterId) {
    return query(caller, filter, paging.size(), paging.offset(), afterId).map(Export::result);
  }

  /** A streamed export (tag {@code exports}): its chunks as they are written, name and format. */
  record Streamed(Flux<DataBuffer> body, String fileName, ExportFormat format) {}

  /**
   * Every respondent's line, streamed as it is read (issue 23, "Bulk exports of any size":
   * monitoring): a form of organizations a thousand at a time in organization id order, so memory
   * stays flat for the country's tens of thousands of schools and NDJSON resumes {@code after} the
   * last id received; a form of municipalities (a few thousand lines) in one read, in list order.
   */
  Mono<Streamed> stream(
      Caller caller, Filter filter, ExportFormat format, Long after, DataBufferFactory buffers) {
    return access
        .visible(caller, filter.formId())
        .flatMap(
            vf ->
                organizations
                    .narrowed(
                        Visibility.of(caller), region(vf.form(), filter), filter.municipalityId())
                    .map(part -> lines(vf, part, filter.status(), after))
                    .map(
                        lines ->
                            new Streamed(
                                MonitoringExport.body(format, lines, json, buffers),
                                "Мониторинг " + vf.form().code(),
                                format)));
  }

  private Flux<FormMonitoringStore.Line> lines(
      FormAccess.VisibleForm vf, Visibility part, ResponseStatus status, Long after) {
    if (!vf.form().byOrganizations()) {
      return store
          .query(vf, part, status, Integer.MAX_VALUE, 0, null)
          .flatMapIterable(FormMonitoringStore.Result::lines);
    }
    return KeysetRows.of(
        after == null ? 0L : after,
        key ->
            store
                .query(vf, part, status, KeysetRows.PAGE, 0, key)
                .flatMapIterable(FormMonitoringStore.Result::lines),
        line -> line.respondent().organizationId());
  }

  Mono<Export> all(Caller caller, Filter filter) {
    return query(caller, filter, Integer.MAX_VALUE, 0, null);
  }

  private Mono<Export> query(Caller caller, Filter filter, int limit, long offset, Long afterId) {
    return access
        .visible(caller, filter.formId())
        .flatMap(
            vf ->
                organizations
                    .narrowed(
                        Visibility.of(caller), region(vf.form(), filter), filter.municipalityId())
                    .flatMap(part -> store.query(vf, part, filter.status(), limit, offset, afterId))
                    .map(result -> new Export(vf.form(), result)));
  }

  /**
   * The region the lines are narrowed to: the one asked for, or a region's own form's — whose
   * respondents are that region's only (another region asked for is a 404).
   */
  private static String region(FormDefinitionRow form, Filter filter) {
    if (form.regional()
        && filter.regionCode() != null
        && !filter.regionCode().equals(form.regionCode())) {
      throw new NotFoundException("Регион «" + filter.regionCode() + "» не найден");
    }
    return form.regional() ? form.regionCode() : filter.regionCode();
  }
}
