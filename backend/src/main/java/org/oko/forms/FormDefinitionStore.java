package org.oko.forms;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignReadModel;
import org.oko.campaigns.Stage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes of form definitions (every published version kept) and of the rows pre-filled
 * per organization. Scope checks are {@link FormAccess}'s.
 */
@Component
class FormDefinitionStore {

  private static final String SELECT =
      """
      select f.id, f.campaign_id, f.code, f.title, f.instruction, f.stage_code, f.respondent,
             f.organization_kinds, f.subject_key, f.schema::text as schema, f.version, f.updated_at,
             f.region_code
      from form_definition f
      """;

  /** What a definition says, as decided by the federal organizer (the schema prepared). */
  record Definition(
      String code,
      String title,
      String instruction,
      Stage stage,
      RespondentKind respondent,
      List<String> organizationKinds,
      String subjectKey,
      FormSchema schema) {}

  /** Who publishes a version: the account's login and its name at the time (null if unknown). */
  record Publisher(String login, String name) {}

  private final DatabaseClient db;
  private final FormModels models;

  FormDefinitionStore(DatabaseClient db, FormModels models) {
    this.db = db;
    this.models = models;
  }

  Mono<FormDefinitionRow> find(long id) {
    return db.sql(SELECT + " where f.id = :id").bind("id", id).map(this::toRow).one();
  }

  /** The campaign's forms in the order of their stages in the schedule. */
  Flux<FormDefinitionRow> ofCampaign(long campaignId) {
    return db.sql(
            SELECT
                + " left join "
                + CampaignReadModel.stages()
                + " s on s.campaign_id = f.campaign_id"
                + " and s.code = f.stage_code"
                + " where f.campaign_id = :campaign order by s.opens_at nulls last, f.id")
        .bind("campaign", campaignId)
        .map(this::toRow)
        .all();
  }

  /** Whether another form of the same owner (the federal organizer, or the region) has the code. */
  Mono<Boolean> codeTaken(long campaignId, String regionCode, String code, Long except) {
    return db.sql(
            "select exists (select 1 from form_definition where campaign_id = :c and code = :code"
                + " and coalesce(region_code, '') = :owner"
                + " and (cast(:except as bigint) is null or id <> :except)) as taken")
        .bind("c", campaignId)
        .bind("owner", regionCode == null ? "" : regionCode)
        .bind("code", code)
        .bind("except", Parameter.fromOrEmpty(except, Long.class))
        .map(r -> r.get("taken", Boolean.class))
        .one();
  }

  Mono<Boolean> hasResponses(long formId) {
    return db.sql("select exists (select 1 from form_response where form_id = :f) as any")
        .bind("f", formId)
        .map(r -> r.get("any", Boolean.class))
        .one();
  }

  /**
   * Inserts version 1; run in a transaction.
   *
   * @param regionCode the region that owns the form, or null for the federal organizer's
   */
  Mono<Long> insert(long campaignId, String regionCode, Definition d, Publisher by, Instant now) {
    String schema = models.write(d.schema());
    return bindDefinition(
            db.sql(
                """
                insert into form_definition (campaign_id, code, title, instruction, stage_code,
                    respondent, organization_kinds, subject_key, schema, updated_at, updated_by,
                    region_code)
                values (:campaign, :code, :title, :instruction, :stage, :respondent, :kinds,
                    :subject, :schema, :now, :by, :region)
                returning id
                """),
            d,
            schema)
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("now", now)
        .bind("by", by.login())
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(id -> keepVersion(id, 1, d, schema, by, now).thenReturn(id));
  }

  /**
   * Publishes the next version if {@code version} is still the current one; run in a transaction.
   */
  Mono<Boolean> update(long id, long version, Definition d, Publisher by, Instant now) {
    String schema = models.write(d.schema());
    return bindDefinition(
            db.sql(
                """
                update form_definition set code = :code, title = :title,
                    instruction = :instruction, stage_code = :stage, respondent = :respondent,
                    organization_kinds = :kinds, subject_key = :subject, schema = :schema,
                    version = version + 1, updated_at = :now, updated_by = :by
                where id = :id and version = :version
                """),
            d,
            schema)
        .bind("id", id)
        .bind("version", version)
        .bind("now", now)
        .bind("by", by.login())
        .fetch()
        .rowsUpdated()
        .flatMap(
            n ->
                n == 0
                    ? Mono.just(false)
                    : keepVersion(id, version + 1, d, schema, by, now).thenReturn(true));
  }

  private DatabaseClient.GenericExecuteSpec bindDefinition(
      DatabaseClient.GenericExecuteSpec spec, Definition d, String schema) {
    return spec.bind("code", d.code())
        .bind("title", d.title())
        .bind("instruction", d.instruction() == null ? "" : d.instruction())
        .bind("stage", d.stage().name())
        .bind("respondent", d.respondent().name())
        .bind("kinds", d.organizationKinds().toArray(String[]::new))
        .bind("subject", Parameter.fromOrEmpty(d.subjectKey(), String.class))
        .bind("schema", Json.of(schema));
  }

  private Mono<Void> keepVersion(
      long id, long version, Definition d, String schema, Publisher by, Instant now) {
    return db.sql(
            """
            insert into form_definition_version (form_id, version, schema, created_at,
                created_by, created_by_name, title, instruction)
            values (:id, :version, :schema, :now, :by, :name, :title, :instruction)
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("schema", Json.of(schema))
        .bind("now", now)
        .bind("by", by.login())
        .bind("name", Parameter.fromOrEmpty(by.name(), String.class))
        .bind("title", d.title())
        .bind("instruction", d.instruction() == null ? "" : d.instruction())
        .then();
  }

  /** The pre-filled rows of one organization: sheet key → rows (none for a sheet not set). */
  Mono<Map<String, List<Map<String, String>>>> storedPrefill(long formId, long organizationId) {
    return db.sql(
            "select sheet_key, rows::text as rows from form_prefill"
                + " where form_id = :f and organization_id = :o")
        .bind("f", formId)
        .bind("o", organizationId)
        .map(r -> Map.entry(r.get("sheet_key", String.class), r.get("rows", String.class)))
        .all()
        .collectList()
        .map(
            entries -> {
              Map<String, List<Map<String, String>>> prefill = new LinkedHashMap<>();
              for (var e : entries) {
                FormValidation.Content rows = models.readContent("{\"rows\":" + e.getValue() + "}");
                prefill.put(e.getKey(), rows.get("rows"));
              }
              return prefill;
            });
  }

  Mono<Void> setPrefill(
      long formId, String sheetKey, long organizationId, List<Map<String, String>> rows) {
    return db.sql(
            """
            insert into form_prefill (form_id, sheet_key, organization_id, rows)
            values (:f, :s, :o, :rows)
            on conflict (form_id, sheet_key, organization_id) do update set rows = excluded.rows
            """)
        .bind("f", formId)
        .bind("s", sheetKey)
        .bind("o", organizationId)
        .bind("rows", Json.of(models.write(rows)))
        .then();
  }

  private FormDefinitionRow toRow(Readable r) {
    String[] kinds = r.get("organization_kinds", String[].class);
    return new FormDefinitionRow(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("code", String.class),
        r.get("title", String.class),
        r.get("instruction", String.class),
        Stage.valueOf(r.get("stage_code", String.class)),
        RespondentKind.valueOf(r.get("respondent", String.class)),
        kinds == null ? List.of() : List.of(kinds),
        r.get("subject_key", String.class),
        models.readSchema(r.get("schema", String.class)),
        r.get("version", Long.class),
        r.get("updated_at", Instant.class),
        r.get("region_code", String.class));
  }
}
