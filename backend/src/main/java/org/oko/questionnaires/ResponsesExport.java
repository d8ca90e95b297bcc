package org.oko.questionnaires;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Question;
import org.oko.api.model.QuestionOption;
import org.oko.api.model.QuestionType;
import org.oko.api.model.QuestionnaireSection;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.kits.KitCredentialDirectory;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookDownload;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every submitted questionnaire of a campaign as one table, {@code .xlsx} (SXSSF) or CSV (UTF-8
 * with a BOM, {@code ;}, RFC 4180 quoting, so that Excel opens it): region, point, subject,
 * category, kit, time of submission in the region's time zone, then one column per question of the
 * current definition (a matrix one per row), and last the answers to questions the definition no
 * longer has. Rows stream from the database into a temporary file, which is answered and removed.
 * No personal data exists to export: a kit is all that stands for a participant.
 */
@Component
class ResponsesExport {

  enum Format {
    XLSX,
    CSV
  }

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final String SHEET = "Ответы";
  static final String OTHER = "Другие ответы";
  static final List<String> FIXED =
      List.of(
          "Регион",
          "Логин ППО",
          "Предмет",
          "Категория",
          "Номер комплекта",
          "Анкета сдана (время региона)");
  static final String JOIN = "; ";

  private static final int FETCH_SIZE = 500;

  /** The longest text a cell of a workbook may hold. */
  private static final int CELL_MAX = 32_767;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {};

  private final DatabaseClient db;
  private final QuestionnaireDefinitions definitions;
  private final BlobStore blobs;
  private final JsonMapper json;

  ResponsesExport(
      DatabaseClient db, QuestionnaireDefinitions definitions, BlobStore blobs, JsonMapper json) {
    this.db = db;
    this.definitions = definitions;
    this.blobs = blobs;
    this.json = json;
  }

  /** One submitted questionnaire as read. */
  record Submitted(
      String regionCode,
      String zone,
      String point,
      String subjectKey,
      String category,
      long kit,
      Instant submittedAt,
      String answers) {}

  /** One column of answers: a question, or one row of a matrix question. */
  record Column(String header, Question question, QuestionOption row) {}

  /** The answer columns of one category's current definition, from {@code offset} in the table. */
  record Block(String category, int offset, List<Column> columns, Set<String> keys) {}

  Mono<ResponseEntity<Resource>> export(
      CampaignInfo campaign, Format format, ParticipantCategory category) {
    String only = category == null ? null : category.getValue();
    return definitions
        .ofCampaign(campaign.id())
        .filter(d -> only == null || d.category().equals(only))
        .collectList()
        .flatMap(
            defs -> {
              Layout layout = Layout.of(defs);
              return Mono.usingWhen(
                      blobs.tempFile(),
                      file -> write(campaign, format, only, layout, file).then(serve(file, format)),
                      file -> Mono.empty(),
                      (file, e) -> delete(file),
                      file -> delete(file))
                  .map(resource -> response(resource, campaign, format));
            });
  }

  /** The columns of the whole table. */
  record Layout(List<Block> blocks, int width) {
    static Layout of(List<QuestionnaireDefinitions.Definition> defs) {
      List<Block> blocks = new ArrayList<>();
      int offset = FIXED.size();
      boolean prefix = defs.size() > 1;
      for (QuestionnaireDefinitions.Definition d : defs) {
        List<Column> columns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String before = prefix ? QuestionnaireAdmin.categoryName(d.category()) + ": " : "";
        for (QuestionnaireSection section : AnswerRules.sections(d.content())) {
          for (Question q : AnswerRules.questions(section)) {
            keys.add(q.getKey());
            if (q.getType() == QuestionType.MATRIX) {
              for (QuestionOption row : q.getRows()) {
                columns.add(new Column(before + q.getText() + " — " + row.getLabel(), q, row));
              }
            } else {
              columns.add(new Column(before + q.getText(), q, null));
            }
          }
        }
        blocks.add(new Block(d.category(), offset, columns, keys));
        offset += columns.size();
      }
      return new Layout(blocks, offset + 1);
    }

    List<String> header() {
      List<String> header = new ArrayList<>(FIXED);
      for (Block block : blocks) {
        block.columns().forEach(c -> header.add(c.header()));
      }
      header.add(OTHER);
      return header;
    }

    Block of(String category) {
      for (Block block : blocks) {
        if (block.category().equals(category)) {
          return block;
        }
      }
      return null;
    }
  }

  private Mono<Void> write(
      CampaignInfo campaign, Format format, String category, Layout layout, Path file) {
    Map<String, String> subjects = new HashMap<>();
    for (Subject s : campaign.subjects()) {
      subjects.put(s.key(), s.name());
    }
    return Mono.usingWhen(
        Mono.fromCallable(
                () -> format == Format.XLSX ? new XlsxTable(file) : (Table) new CsvTable(file))
            .subscribeOn(Schedulers.boundedElastic()),
        table ->
            Mono.fromRunnable(() -> table.row(new ArrayList<>(layout.header()), true))
                .thenMany(
                    rows(campaign.id(), category)
                        .publishOn(Schedulers.boundedElastic())
                        .doOnNext(s -> table.row(cells(s, layout, subjects), false)))
                .then(Mono.fromRunnable(table::finish)),
        table -> Mono.fromRunnable(table::close).subscribeOn(Schedulers.boundedElastic()),
        (table, e) -> Mono.fromRunnable(table::close).subscribeOn(Schedulers.boundedElastic()),
        table -> Mono.fromRunnable(table::close).subscribeOn(Schedulers.boundedElastic()));
  }

  private Flux<Submitted> rows(long campaignId, String category) {
    return db.sql(
            """
            select s.region_code, r.time_zone, o.login as point, s.subject_key, d.category,
                   k.kit_number, s.submitted_at, s.answers::text as answers
            from questionnaire_session s
            join questionnaire_definition d on d.id = s.questionnaire_id
            join organization o on o.id = s.organization_id
            join region r on r.code = s.region_code
            join %s k on k.login = s.login
            where s.campaign_id = :campaign and s.status = 'SUBMITTED'
              and (cast(:category as text) is null or d.category = :category)
            order by d.category desc, s.region_code, o.login, s.subject_key, k.kit_number
            """
                .formatted(KitCredentialDirectory.kits()))
        .bind("campaign", campaignId)
        .bind("category", Parameter.fromOrEmpty(category, String.class))
        // Fetched in portions as the file is written, not the whole result at once.
        .filter((statement, next) -> next.execute(statement.fetchSize(FETCH_SIZE)))
        .map(
            r ->
                new Submitted(
                    r.get("region_code", String.class),
                    r.get("time_zone", String.class),
                    r.get("point", String.class),
                    r.get("subject_key", String.class),
                    r.get("category", String.class),
                    r.get("kit_number", Long.class),
                    r.get("submitted_at", Instant.class),
                    r.get("answers", String.class)))
        .all();
  }

  /** The cells of one row: text (String), numbers (Number) or empty (null). */
  List<Object> cells(Submitted s, Layout layout, Map<String, String> subjects) {
    List<Object> cells = new ArrayList<>(layout.width());
    cells.add(s.regionCode());
    cells.add(s.point());
    cells.add(subjects.getOrDefault(s.subjectKey(), s.subjectKey()));
    cells.add(QuestionnaireAdmin.categoryName(s.category()));
    cells.add(s.kit());
    cells.add(s.submittedAt() == null ? null : s.submittedAt().atZone(zone(s.zone())).format(TIME));
    while (cells.size() < layout.width()) {
      cells.add(null);
    }
    Map<String, Object> answers = json.readValue(s.answers(), ANSWERS);
    Block block = layout.of(s.category());
    if (block != null) {
      for (int i = 0; i < block.columns().size(); i++) {
        Column column = block.columns().get(i);
        Object value = answers.get(column.question().getKey());
        cells.set(block.offset() + i, render(column, value));
      }
    }
    StringBuilder other = new StringBuilder();
    for (Map.Entry<String, Object> e : answers.entrySet()) {
      if (e.getValue() == null || (block != null && block.keys().contains(e.getKey()))) {
        continue;
      }
      if (!other.isEmpty()) {
        other.append(JOIN);
      }
      other.append(e.getKey()).append('=').append(plain(e.getValue()));
    }
    cells.set(layout.width() - 1, other.isEmpty() ? null : other.toString());
    return cells;
  }

  private static Object render(Column column, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      return null;
    }
    Question q = column.question();
    switch (q.getType()) {
      case SINGLE_CHOICE:
        return value instanceof String s ? label(q.getOptions(), s) : plain(value);
      case MULTIPLE_CHOICE:
        if (value instanceof List<?> list) {
          StringBuilder labels = new StringBuilder();
          for (Object item : list) {
            if (!labels.isEmpty()) {
              labels.append(JOIN);
            }
            labels.append(item instanceof String s ? label(q.getOptions(), s) : plain(item));
          }
          return labels.isEmpty() ? null : labels.toString();
        }
        return plain(value);
      case MATRIX:
        if (value instanceof Map<?, ?> map) {
          Object cell = map.get(column.row().getValue());
          return cell instanceof String s ? label(q.getOptions(), s) : null;
        }
        return null;
      case SCALE:
      case NUMBER:
        return value instanceof Number ? value : plain(value);
      default:
        return value instanceof String s && s.isBlank() ? null : plain(value);
    }
  }

  private static String label(List<QuestionOption> options, String value) {
    if (options != null) {
      for (QuestionOption option : options) {
        if (value.equals(option.getValue())) {
          return option.getLabel();
        }
      }
    }
    return value;
  }

  /** Any answer as plain text: lists joined, objects as row=value. */
  private static String plain(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (Object item : list) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(plain(item));
      }
      return text.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(e.getKey()).append(": ").append(plain(e.getValue()));
      }
      return text.append('}').toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  private static ZoneId zone(String zone) {
    try {
      return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
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

  private static ResponseEntity<Resource> response(
      Resource resource, CampaignInfo campaign, Format format) {
    String name =
        "Ответы на анкеты, кампания " + campaign.id() + (format == Format.XLSX ? ".xlsx" : ".csv");
    return ResponseEntity.ok()
        .contentType(format == Format.XLSX ? WorkbookDownload.XLSX : CSV)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(resource);
  }

  /** Where rows go, one at a time, on a worker thread. */
  interface Table {
    void row(List<Object> cells, boolean header);

    void finish();

    void close();
  }

  /** A workbook whose rows are flushed to disk as they come (SXSSF keeps 100 in memory). */
  static final class XlsxTable implements Table {
    private final Path file;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final SXSSFSheet sheet = workbook.createSheet(SHEET);
    private final CellStyle bold;
    private int next;

    XlsxTable(Path file) {
      this.file = file;
      bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      bold.setWrapText(true);
    }

    @Override
    public void row(List<Object> cells, boolean header) {
      Row row = sheet.createRow(next++);
      for (int c = 0; c < cells.size(); c++) {
        Object value = cells.get(c);
        if (value == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else {
          String text = FormulaSafe.text(value.toString());
          cell.setCellValue(text.length() > CELL_MAX ? text.substring(0, CELL_MAX) : text);
        }
        if (header) {
          cell.setCellStyle(bold);
        }
      }
      if (header) {
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < cells.size(); c++) {
          sheet.setColumnWidth(c, (c < FIXED.size() ? 16 : 30) * 256);
        }
      }
    }

    @Override
    public void finish() {
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        workbook.close();
      } catch (IOException e) {
        // nothing left to do: the temporary files of SXSSF are removed below
      }
      workbook.dispose();
    }
  }

  /** CSV for Excel: UTF-8 with a BOM, {@code ;} between cells, CRLF between rows. */
  static final class CsvTable implements Table {
    private final Writer out;

    CsvTable(Path file) throws IOException {
      BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      this.out = writer;
    }

    @Override
    public void row(List<Object> cells, boolean header) {
      try {
        for (int c = 0; c < cells.size(); c++) {
          if (c > 0) {
            out.write(';');
          }
          Object value = cells.get(c);
          if (value != null) {
            out.write(
                value instanceof Number n ? number(n) : quoted(FormulaSafe.text(value.toString())));
          }
        }
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A number as Russian Excel reads it: a decimal comma. */
    static String number(Number n) {
      String text = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
      if (n instanceof Double || n instanceof Float) {
        Long whole = AnswerRules.whole(n);
        text =
            whole != null ? whole.toString() : BigDecimal.valueOf(n.doubleValue()).toPlainString();
      }
      return text.replace('.', ',');
    }

    /** RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
    static String quoted(String text) {
      boolean quote = false;
      for (int i = 0; i < text.length() && !quote; i++) {
        char ch = text.charAt(i);
        quote = ch == ';' || ch == '"' || ch == '\n' || ch == '\r';
      }
      return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public void finish() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        // already flushed when finished; a failure on an error path changes nothing
      }
    }
  }
}
