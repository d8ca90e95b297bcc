package org.oko.forms;

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

  /** The response without its content, which is rows of its own ({@link ResponseContentStore}). */
  private static final String SELECT =
      """
      select id, status, definition_version, version, updated_at, content_gen, frozen_gen,
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
  private final ResponseContentStore contents;

  FormResponseStore(DatabaseClient db, ResponseContentStore contents) {
    this.db = db;
    this.contents = contents;
  }

  Mono<ResponseRow> find(long formId, Respondent respondent) {
    return head(formId, respondent).flatMap(this::withContent);
  }

  /** The response without its content (null there), or empty when not started. */
  Mono<ResponseRow> head(long formId, Respondent respondent) {
    return bindWho(db.sql(SELECT + of(respondent)), formId, respondent)
        .map(FormResponseStore::toRow)
        .one();
  }

  Mono<ResponseRow> withContent(ResponseRow row) {
    return contents.content(row.id(), row.contentGen()).map(row::withContent);
  }

  /** The status and submission time alone (no content), for lists. */
  Mono<ResponseRow> summary(long formId, Respondent respondent) {
    return bindWho(
            db.sql("select status, submitted_at from form_response" + of(respondent)),
            formId,
            respondent)
        .map(
            r ->
                ResponseRow.listed(
                    r.get("status", String.class), r.get("submitted_at", Instant.class)))
        .one();
  }

  Mono<ResponseRow> byId(long id) {
    return head(id).flatMap(this::withContent);
  }

  /** The response without its content (null there). */
  Mono<ResponseRow> head(long id) {
    return db.sql(SELECT + " where id = :id").bind("id", id).map(FormResponseStore::toRow).one();
  }

  /** A new draft with its content ({@link #insertHead}, then the rows). */
  Mono<Long> insert(
      long formId,
      Respondent respondent,
      FormValidation.Content content,
      int problems,
      long definitionVersion,
      String by,
      Instant now) {
    return insertHead(formId, respondent, problems, definitionVersion, by, now)
        .flatMap(id -> contents.write(id, 1, 0, null, content).thenReturn(id));
  }

  /**
   * A new draft, version 1, its content generation 1, without rows (the caller's next statement);
   * fails on the unique index if another request created it meanwhile. In the caller's transaction.
   */
  Mono<Long> insertHead(
      long formId,
      Respondent respondent,
      int problems,
      long definitionVersion,
      String by,
      Instant now) {
    return who(
            db.sql(
                """
                insert into form_response (form_id, organization_id, municipality_id, region_code,
                    status, problem_count, definition_version, updated_at, updated_by,
                    content_gen, frozen_gen)
                values (:form, :org, :municipality, :region, 'DRAFT', :problems,
                    :definition, :now, :by, 1, 0)
                returning id
                """),
            formId,
            respondent)
        .bind("region", respondent.regionCode())
        .bind("problems", problems)
        .bind("definition", definitionVersion)
        .bind("now", now)
        .bind("by", by)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /**
   * Replaces a draft's content ({@code before} as read) if it is still at {@code version}: only the
   * rows that changed are written. In the caller's transaction.
   */
  Mono<Boolean> saveDraft(
      long id,
      long version,
      FormValidation.Content before,
      FormValidation.Content content,
      int problems,
      long definitionVersion,
      String by,
      Instant now) {
    return nextGeneration(id, version, problems, definitionVersion, by, now)
        .flatMap(gen -> contents.write(id, gen[0], gen[1], before, content).thenReturn(true))
        .defaultIfEmpty(false);
  }

  /**
   * A draft still at {@code version} moves to its next version and content generation, whose rows
   * the caller writes next: {content generation, newest frozen generation}; empty when stale.
   */
  Mono<int[]> nextGeneration(
      long id, long version, int problems, long definitionVersion, String by, Instant now) {
    return db.sql(
            """
            update form_response set content_gen = content_gen + 1, problem_count = :problems,
                definition_version = :definition, version = version + 1,
                updated_at = :now, updated_by = :by
            where id = :id and version = :version and status = 'DRAFT'
            returning content_gen, frozen_gen
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("problems", problems)
        .bind("definition", definitionVersion)
        .bind("now", now)
        .bind("by", by)
        .map(FormResponseStore::generations)
        .one();
  }

  /**
   * «Сдать отчёт»: stores the checked content as submitted if still at {@code version}; a null
   * {@code content} keeps the stored one (it was just written), else the rows that changed from
   * {@code before} are written. In the caller's transaction.
   */
  Mono<Boolean> submit(
      long id,
      long version,
      FormValidation.Content before,
      FormValidation.Content content,
      long definitionVersion,
      String by,
      Instant now) {
    return db.sql(
            """
            update form_response set status = 'SUBMITTED',
                content_gen = content_gen + :changed, problem_count = 0,
                definition_version = :definition, version = version + 1,
                updated_at = :now, updated_by = :by, submitted_at = :now, submitted_by = :by,
                submissions = submissions + 1
            where id = :id and version = :version
            returning content_gen, frozen_gen
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("changed", content == null ? 0 : 1)
        .bind("definition", definitionVersion)
        .bind("now", now)
        .bind("by", by)
        .map(FormResponseStore::generations)
        .one()
        .flatMap(
            gen ->
                content == null
                    ? Mono.just(true)
                    : contents.write(id, gen[0], gen[1], before, content).thenReturn(true))
        .defaultIfEmpty(false);
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

  private static int[] generations(Readable r) {
    return new int[] {r.get("content_gen", Integer.class), r.get("frozen_gen", Integer.class)};
  }

  private static ResponseRow toRow(Readable r) {
    return new ResponseRow(
        r.get("id", Long.class),
        r.get("status", String.class),
        null,
        r.get("definition_version", Long.class),
        r.get("version", Long.class),
        r.get("updated_at", Instant.class),
        r.get("updated_by", String.class),
        r.get("submitted_at", Instant.class),
        r.get("submitted_by", String.class),
        r.get("submissions", Integer.class),
        ResponseRow.Reopening.of(r),
        r.get("content_gen", Integer.class),
        r.get("frozen_gen", Integer.class),
        null);
  }
}
