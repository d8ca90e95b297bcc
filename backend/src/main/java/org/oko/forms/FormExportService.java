package org.oko.forms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every response of a form in the caller's scope, streamed while it is read (issue 23, "Bulk
 * exports of any size"). For people, one sheet of the form as a table ({@code .xlsx} or CSV): one
 * line per record, the respondent in front; for machines, NDJSON: one object per response with its
 * content as stored (sheet key → rows of column key → value), in id order and resumable after the
 * last id received.
 */
@Service
class FormExportService {

  /**
   * What to export: the sheet for a table (the first when null), the status, where NDJSON resumes.
   */
  record Request(long formId, ExportFormat format, String sheet, String status, Long after) {}

  /** The file's chunks as they are written, and its name. */
  record Export(Flux<DataBuffer> body, String fileName, ExportFormat format) {}

  static final List<String> RESPONDENT_HEADER =
      List.of(
          "Регион",
          "Муниципалитет",
          "Логин",
          "Респондент",
          "Статус",
          "Сдан (время региона)",
          "Изменён (время региона)");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {};

  private final FormAccess access;
  private final FormExportStore store;
  private final JsonMapper json;

  FormExportService(FormAccess access, FormExportStore store, JsonMapper json) {
    this.access = access;
    this.store = store;
    this.json = json;
  }

  /**
   * The export, once the form is known to be the caller's (404 before any byte otherwise) and the
   * sheet one of its sheets (400); rows are read only as the body is sent.
   */
  Mono<Export> export(Caller caller, Request request, DataBufferFactory buffers) {
    ScopeCondition scope = Visibility.of(caller).condition(FormExportStore.COLUMNS);
    return access
        .visible(caller, request.formId())
        .map(
            vf -> {
              FormDefinitionRow form = vf.form();
              SheetSpec sheet = sheet(form, request.sheet());
              boolean forMachines = request.format() == ExportFormat.NDJSON;
              Flux<DataBuffer> body =
                  forMachines
                      ? ResponseLines.of(
                              store.allRows(form.id(), scope, request.status(), request.after()),
                              json)
                          .map(buffers::wrap)
                      : StreamedExport.body(
                          request.format(),
                          tableLayout(sheet),
                          store.sheetRows(form.id(), scope, request.status(), sheet.key()),
                          json,
                          buffers);
              return new Export(body, fileName(form, sheet, forMachines), request.format());
            });
  }

  private static SheetSpec sheet(FormDefinitionRow form, String key) {
    if (key == null) {
      return form.schema().sheets().get(0);
    }
    SheetSpec sheet = form.schema().sheet(key);
    if (sheet == null) {
      List<String> keys = form.schema().sheets().stream().map(SheetSpec::key).toList();
      throw new InvalidRequestException(
          "sheet", "В форме нет листа «" + key + "»; листы: " + String.join(", ", keys));
    }
    return sheet;
  }

  private StreamedExport.Layout<FormExportStore.Exported> tableLayout(SheetSpec sheet) {
    List<String> header = new ArrayList<>(RESPONDENT_HEADER);
    for (ColumnSpec column : sheet.columns()) {
      header.add(column.group() == null ? column.title() : column.group() + " — " + column.title());
    }
    String name = sheet.title().length() > 28 ? sheet.title().substring(0, 28) : sheet.title();
    return new StreamedExport.Layout<>(
        name.replaceAll("[\\\\/?*\\[\\]:]", " "), header, row -> cells(row, sheet), null);
  }

  /** A line of the table: one stored row (a record) behind its respondent. */
  private List<Object> cells(FormExportStore.Exported r, SheetSpec sheet) {
    Map<String, Object> record = r.cells() == null ? Map.of() : json.readValue(r.cells(), RECORD);
    ZoneId zone = r.zone() == null ? ZoneId.of("UTC") : ZoneId.of(r.zone());
    List<Object> cells = new ArrayList<>(RESPONDENT_HEADER.size() + sheet.columns().size());
    cells.add(r.regionCode());
    cells.add(r.municipality() == null ? "Без муниципалитета" : r.municipality());
    cells.add(r.login());
    cells.add(r.name());
    cells.add(ResponseRow.SUBMITTED.equals(r.status()) ? "Сдан" : "Черновик");
    cells.add(time(r.submittedAt(), zone));
    cells.add(time(r.updatedAt(), zone));
    for (ColumnSpec column : sheet.columns()) {
      cells.add(cell(column, record.get(column.key())));
    }
    return cells;
  }

  /**
   * A number column's value as a number (so that Excel sums it), whether typed or stored as text.
   */
  private static Object cell(ColumnSpec column, Object value) {
    if (value == null || value instanceof Number) {
      return value;
    }
    String text = value.toString();
    boolean numeric =
        column.type() == ColumnType.INTEGER
            || column.type() == ColumnType.DECIMAL
            || column.type() == ColumnType.COMPUTED_SUM;
    if (numeric && !text.isBlank()) {
      try {
        return new BigDecimal(text.trim().replace(',', '.'));
      } catch (NumberFormatException e) {
        return text;
      }
    }
    return text;
  }

  private static String time(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).format(TIME);
  }

  private static String fileName(FormDefinitionRow form, SheetSpec sheet, boolean forMachines) {
    String name = form.code() + " — ответы";
    return forMachines ? name : name + ", " + sheet.key();
  }
}
