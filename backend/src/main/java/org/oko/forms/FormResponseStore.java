package org.oko.forms;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.oko.orgs.Visibility;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads and writes of responses (their frozen versions are {@link ResponseVersionStore}'s, the
 * idempotency keys of submissions {@link SubmissionKeyStore}'s). Every write of an existing
 * response names the version it was decided on: a change made meanwhile makes it a no-op that the
 * caller reports as a conflict.
 */
@Component
class FormResponseStore {

  private static final String SELECT =
      """
      select id, status, content::text as content, definition_version, version, updated_at,
             updated_by, submitted_at, submitted_by, submissions, reopened_at, reopened_by,
             reopened_by_coordinator, reopen_reason
      from form_response
      """;

  /** {@link #SELECT} without the content, for when it is already in memory. */
  private static final String SELECT_WITHOUT_CONTENT =
      """
      select id, status, '{}' as content, definition_version, version, updated_at,
             updated_by, submitted_at, submitted_by, submissions, reopened_at, reopened_by,
             reopened_by_coordinator, reopen_reason
      from form_response
      """;

  private static final String OF_ORGANIZATION =
      " where form_id = :form and organization_id = :who and organization_id is not null";
  private static final String OF_MUNICIPALITY =
      " where form_id = :form and municipality_id = :who and municipality_id is not null";

  /**
   * The region's part of organizations without a municipality ({@link Respondent#isRegionPart}).
   */
  private static final String OF_REGION_PART =
      " where form_id = :form and region_code = :who and organization_id is null and "
          + Visibility.underNoMunicipality("municipality_id");

  private final DatabaseClient db;
  private final FormModels models;

  FormResponseStore(DatabaseClient db, FormModels models) {
    this.db = db;
    this.models = models;
  }

  Mono<ResponseRow> find(long formId, Respondent respondent) {
    return bindWho(db.sql(SELECT + of(respondent)), formId, respondent).map(this::toRow).one();
  }

  /** The status and submission time alone (no content), for lists. */
  Mono<ResponseRow> summary(long formId, Respondent respondent) {
    return bindWho(
            db.sql("select status, submitted_at from form_response" + of(respondent)),
            formId,
            respondent)
        .map(
            r ->
                new ResponseRow(
                    0,
                    r.get("status", String.class),
                    null,
                    0,
                    0,
                    null,
                    null,
                    r.get("submitted_at", Instant.class),
                    null,
                    0,
                    null))
        .one();
  }

  Mono<ResponseRow> byId(long id) {
    return db.sql(SELECT + " where id = :id").bind("id", id).map(this::toRow).one();
  }

  /**
   * The row as stored, with {@code content} — just written by the caller — taken from memory rather
   * than read back (a 200,000-row protocol is a 40 MB document).
   */
  Mono<ResponseRow> byId(long id, FormValidation.Content content) {
    return db.sql(SELECT_WITHOUT_CONTENT + " where id = :id")
        .bind("id", id)
        .map(this::toRow)
        .one()
        .map(
            r ->
                new ResponseRow(
                    r.id(),
                    r.status(),
                    content,
                    r.definitionVersion(),
                    r.version(),
                    r.updatedAt(),
                    r.updatedBy(),
                    r.submittedAt(),
                    r.submittedBy(),
                    r.submissions(),
                    r.reopening()));
  }

  /** A new draft, version 1; fails on the unique index if another request created it meanwhile. */
  Mono<Long> insert(
      long formId,
      Respondent respondent,
      FormValidation.Content content,
      int problems,
      long definitionVersion,
      String by,
      Instant now) {
    return who(
            db.sql(
                """
                insert into form_response (form_id, organization_id, municipality_id, region_code,
                    status, content, problem_count, definition_version, updated_at, updated_by)
                values (:form, :org, :municipality, :region, 'DRAFT', :content, :problems,
                    :definition, :now, :by)
                returning id
                """),
            formId,
            respondent)
        .bind("region", respondent.regionCode())
        .bind("content", Json.of(models.write(content)))
        .bind("problems", problems)
        .bind("definition", definitionVersion)
        .bind("now", now)
        .bind("by", by)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Replaces a draft's content if it is still at {@code version}. */
  Mono<Boolean> saveDraft(
      long id,
      long version,
      FormValidation.Content content,
      int problems,
      long definitionVersion,
      String by,
      Instant now) {
    return db.sql(
            """
            update form_response set content = :content, problem_count = :problems,
                definition_version = :definition, version = version + 1,
                updated_at = :now, updated_by = :by
            where id = :id and version = :version and status = 'DRAFT'
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("content", Json.of(models.write(content)))
        .bind("problems", problems)
        .bind("definition", definitionVersion)
        .bind("now", now)
        .bind("by", by)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /**
   * «Сдать отчёт»: stores the checked content as submitted if still at {@code version}; a null
   * {@code content} keeps the stored one (it was just written).
   */
  Mono<Boolean> submit(
      long id,
      long version,
      FormValidation.Content content,
      long definitionVersion,
      String by,
      Instant now) {
    return db.sql(
            """
            update form_response set status = 'SUBMITTED',
                content = coalesce(cast(:content as jsonb), content), problem_count = 0,
                definition_version = :definition, version = version + 1,
                updated_at = :now, updated_by = :by, submitted_at = :now, submitted_by = :by,
                submissions = submissions + 1
            where id = :id and version = :version
            """)
        .bind("id", id)
        .bind("version", version)
        .bind(
            "content",
            Parameter.fromOrEmpty(
                content == null ? null : Json.of(models.write(content)), Json.class))
        .bind("definition", definitionVersion)
        .bind("now", now)
        .bind("by", by)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /**
   * «Редактировать» (or a coordinator's return): back to a draft if still submitted at {@code
   * version}, remembering who did it and why.
   */
  Mono<Boolean> reopen(long id, long version, ResponseRow.Reopening reopening) {
    return db.sql(
            """
            update form_response set status = 'DRAFT', version = version + 1,
                updated_at = :now, updated_by = :by, reopened_at = :now, reopened_by = :by,
                reopened_by_coordinator = :coordinator, reopen_reason = :reason
            where id = :id and version = :version and status = 'SUBMITTED'
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("now", reopening.at())
        .bind("by", reopening.by())
        .bind("coordinator", reopening.byCoordinator())
        .bind("reason", Parameter.fromOrEmpty(reopening.reason(), String.class))
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  private static String of(Respondent respondent) {
    if (respondent.isOrganization()) {
      return OF_ORGANIZATION;
    }
    return respondent.isRegionPart() ? OF_REGION_PART : OF_MUNICIPALITY;
  }

  private static DatabaseClient.GenericExecuteSpec bindWho(
      DatabaseClient.GenericExecuteSpec spec, long formId, Respondent respondent) {
    spec = spec.bind("form", formId);
    if (respondent.isOrganization()) {
      return spec.bind("who", respondent.organizationId());
    }
    return respondent.isRegionPart()
        ? spec.bind("who", respondent.regionCode())
        : spec.bind("who", respondent.municipalityId());
  }

  private static DatabaseClient.GenericExecuteSpec who(
      DatabaseClient.GenericExecuteSpec spec, long formId, Respondent respondent) {
    return spec.bind("form", formId)
        .bind(
            "org",
            Parameter.fromOrEmpty(
                respondent.isOrganization() ? respondent.organizationId() : null, Long.class))
        .bind(
            "municipality",
            Parameter.fromOrEmpty(
                respondent.isOrganization() ? null : respondent.municipalityId(), Long.class));
  }

  private ResponseRow toRow(Readable r) {
    return new ResponseRow(
        r.get("id", Long.class),
        r.get("status", String.class),
        models.readContent(r.get("content", String.class)),
        r.get("definition_version", Long.class),
        r.get("version", Long.class),
        r.get("updated_at", Instant.class),
        r.get("updated_by", String.class),
        r.get("submitted_at", Instant.class),
        r.get("submitted_by", String.class),
        r.get("submissions", Integer.class),
        reopening(r));
  }

  private static ResponseRow.Reopening reopening(Readable r) {
    Instant at = r.get("reopened_at", Instant.class);
    return at == null
        ? null
        : new ResponseRow.Reopening(
            at,
            r.get("reopened_by", String.class),
            Boolean.TRUE.equals(r.get("reopened_by_coordinator", Boolean.class)),
            r.get("reopen_reason", String.class));
  }
}
