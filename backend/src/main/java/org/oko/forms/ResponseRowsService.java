package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A response's rows a page at a time (issue 24): a protocol of 200 000 rows is not one answer, so
 * {@code GET …/response} gives its counts ({@link ResponseRules#WHOLE_ROWS}) and this gives its
 * rows, to whoever may read the response.
 */
@Service
class ResponseRowsService {

  /** One page of a sheet's current rows. */
  record RowPage(
      String sheet, int offset, int total, long version, List<Map<String, String>> rows) {}

  private final FormAccess access;
  private final FormResponseStore store;
  private final ResponseContentStore contents;

  ResponseRowsService(FormAccess access, FormResponseStore store, ResponseContentStore contents) {
    this.access = access;
    this.store = store;
    this.contents = contents;
  }

  /** A page of the rows of the response named (possibly a region's part, issue 17). */
  Mono<RowPage> page(
      Caller caller, ResponseVersionService.Whose whose, String sheet, int offset, int limit) {
    return access
        .target(
            caller,
            whose.formId(),
            whose.organization(),
            whose.municipalityId(),
            whose.regionPart())
        .flatMap(
            t -> {
              if (t.schema().sheet(sheet) == null) {
                return Mono.error(new NotFoundException("В форме нет листа «" + sheet + "»"));
              }
              return store
                  .head(whose.formId(), t.respondent())
                  .flatMap(row -> stored(row, sheet, offset, limit))
                  .switchIfEmpty(Mono.fromSupplier(() -> notStarted(t, sheet, offset, limit)));
            });
  }

  private Mono<RowPage> stored(ResponseRow row, String sheet, int offset, int limit) {
    return contents
        .count(row.id(), row.contentGen(), sheet)
        // positions are 1..n at a generation: the page from offset is a keyset read, as cheap
        // deep in a 200 000-row protocol as at its start
        .zipWith(contents.after(row.id(), row.contentGen(), sheet, offset, limit).collectList())
        .map(p -> new RowPage(sheet, offset, p.getT1(), row.version(), p.getT2()));
  }

  /** Not started: the pre-filled rows, if the sheet has any. */
  private static RowPage notStarted(ResponseTarget t, String sheet, int offset, int limit) {
    List<Map<String, String>> rows =
        FormValidation.of(t.schema(), Map.of(), t.prefill())
            .content()
            .getOrDefault(sheet, List.of());
    int from = Math.min(offset, rows.size());
    return new RowPage(
        sheet, offset, rows.size(), 0, rows.subList(from, Math.min(rows.size(), from + limit)));
  }
}
