package org.oko.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Submitted versions of forms for other features (results): the frozen content of one version with
 * the columns of the definition it was submitted under, so that a consumer of {@link FormSubmitted}
 * reads exactly what was submitted, however often the response changed since. A version's rows are
 * streamed sheet by sheet ({@link #rows}), never held whole: a protocol can have 200 000 of them.
 * Also which forms are a campaign's results protocols (observers record who was present when they
 * were entered).
 */
@Component
public class SubmittedFormDirectory {

  /** A column of a submitted sheet: its key and what it holds. */
  public record Column(String key, ColumnType type) {}

  /** A sheet of a submitted version: its columns (its rows: {@link #rows}). */
  public record Sheet(String key, List<Column> columns) {}

  /**
   * One submitted version.
   *
   * @param subjectKey the form's campaign subject, or null when it has none
   */
  public record Version(
      long formId,
      long campaignId,
      String subjectKey,
      long responseId,
      int number,
      Long organizationId,
      String regionCode,
      int contentGen,
      List<Sheet> sheets) {}

  /** A results protocol: a form of a campaign subject that organizations fill. */
  public record ProtocolForm(
      long formId, long campaignId, String code, String title, String subjectKey) {}

  private static final String PROTOCOL_FORMS =
      """
      select id, campaign_id, code, title, subject_key from form_definition
      where subject_key is not null and respondent = 'ORGANIZATION'
      """;

  private final DatabaseClient db;
  private final FormModels models;
  private final ResponseContentStore contents;

  SubmittedFormDirectory(DatabaseClient db, FormModels models, ResponseContentStore contents) {
    this.db = db;
    this.models = models;
    this.contents = contents;
  }

  /** A version's row as read, before its content. */
  private record Found(
      long formId,
      long campaignId,
      String subjectKey,
      Long organizationId,
      String regionCode,
      int contentGen,
      String schema) {}

  /** Version {@code number} of a response, or empty when there is none. */
  public Mono<Version> version(long responseId, int number) {
    return db.sql(
            """
            select d.id as form_id, d.campaign_id, d.subject_key, r.organization_id, r.region_code,
                   v.content_gen, dv.schema::text as schema
            from form_response_version v
            join form_response r on r.id = v.response_id
            join form_definition d on d.id = r.form_id
            join form_definition_version dv
              on dv.form_id = d.id and dv.version = v.definition_version
            where v.response_id = :id and v.number = :number
            """)
        .bind("id", responseId)
        .bind("number", number)
        .map(
            row ->
                new Found(
                    row.get("form_id", Long.class),
                    row.get("campaign_id", Long.class),
                    row.get("subject_key", String.class),
                    row.get("organization_id", Long.class),
                    row.get("region_code", String.class),
                    row.get("content_gen", Integer.class),
                    row.get("schema", String.class)))
        .one()
        .map(found -> version(found, responseId, number));
  }

  /** A sheet's rows in a version (column key → value as typed), in order, as they are read. */
  public Flux<Map<String, String>> rows(Version version, String sheetKey) {
    return contents.rows(version.responseId(), version.contentGen(), sheetKey);
  }

  private Version version(Found found, long responseId, int number) {
    FormSchema schema = models.readSchema(found.schema());
    List<Sheet> sheets = new ArrayList<>();
    for (SheetSpec sheet : schema.sheets()) {
      List<Column> columns =
          sheet.columns().stream().map(c -> new Column(c.key(), c.type())).toList();
      sheets.add(new Sheet(sheet.key(), columns));
    }
    return new Version(
        found.formId(),
        found.campaignId(),
        found.subjectKey(),
        responseId,
        number,
        found.organizationId(),
        found.regionCode(),
        found.contentGen(),
        List.copyOf(sheets));
  }

  /** The form if it is a results protocol (a subject's, filled by organizations); else empty. */
  public Mono<ProtocolForm> protocolForm(long formId) {
    return db.sql(PROTOCOL_FORMS + " and id = :id")
        .bind("id", formId)
        .map(SubmittedFormDirectory::toProtocolForm)
        .one();
  }

  /** A campaign's results protocols, by title. */
  public Flux<ProtocolForm> protocolForms(long campaignId) {
    return db.sql(PROTOCOL_FORMS + " and campaign_id = :campaign order by title, id")
        .bind("campaign", campaignId)
        .map(SubmittedFormDirectory::toProtocolForm)
        .all();
  }

  private static ProtocolForm toProtocolForm(io.r2dbc.spi.Readable row) {
    return new ProtocolForm(
        row.get("id", Long.class),
        row.get("campaign_id", Long.class),
        row.get("code", String.class),
        row.get("title", String.class),
        row.get("subject_key", String.class));
  }
}
