package org.oko.sample;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Uploaded verification forms, their rows, and applying them to the sample. */
@Component
class VerificationStore {

  /** One change of the diff, with enough of the organization to show it. */
  record Change(
      long organizationId,
      String login,
      String name,
      String regionCode,
      Long municipalityId,
      String municipalityName,
      String field,
      String fieldName,
      String before,
      String after) {}

  /** The values a confirmation writes to one entry, if the entry is still at {@code version}. */
  record NewValues(long organizationId, long version, String status, Attributes attributes) {}

  /** An uploaded form as stored. */
  record Upload(
      long id,
      String regionCode,
      Long municipalityId,
      String uploadedBy,
      Instant uploadedAt,
      List<Change> changes,
      int rows,
      Instant confirmedAt) {}

  private record RowJson(
      long organization_id,
      long entry_version,
      String status,
      int participants,
      String institution_type,
      String settlement_type,
      List<String> education_levels,
      List<String> subjects) {}

  private final DatabaseClient db;
  private final JsonMapper json;

  VerificationStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  Mono<Long> insert(
      long campaignId,
      String regionCode,
      Long municipalityId,
      String login,
      Instant now,
      List<Change> changes,
      List<NewValues> rows) {
    List<RowJson> rowJson =
        rows.stream()
            .map(
                r ->
                    new RowJson(
                        r.organizationId(),
                        r.version(),
                        r.status(),
                        r.attributes().participants(),
                        r.attributes().institutionType(),
                        r.attributes().settlementType(),
                        r.attributes().educationLevels(),
                        r.attributes().subjects()))
            .toList();
    return db.sql(
            """
            insert into sample_verification (campaign_id, region_code, municipality_id,
                uploaded_by, uploaded_at, changes)
            values (:campaign, :region, :municipality, :login, :now, cast(:changes as jsonb))
            returning id
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("municipality", Parameter.fromOrEmpty(municipalityId, Long.class))
        .bind("login", login)
        .bind("now", now)
        .bind("changes", Json.of(json.writeValueAsString(changes)))
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(
            id ->
                db.sql(
                        """
                        insert into sample_verification_row (verification_id, organization_id,
                            entry_version, status, participants, institution_type,
                            settlement_type, education_levels, subjects)
                        select :id, x.organization_id, x.entry_version, x.status, x.participants,
                               x.institution_type, x.settlement_type, x.education_levels,
                               x.subjects
                        from jsonb_to_recordset(:rows) as x(organization_id bigint,
                            entry_version bigint, status text, participants integer,
                            institution_type text, settlement_type text,
                            education_levels text[], subjects text[])
                        """)
                    .bind("id", id)
                    .bind("rows", Json.of(json.writeValueAsString(rowJson)))
                    .then()
                    .thenReturn(id));
  }

  Mono<Upload> find(long campaignId, long id) {
    return db.sql(
            """
            select v.id, v.region_code, v.municipality_id, v.uploaded_by, v.uploaded_at,
                   v.changes::text as changes, v.confirmed_at,
                   (select count(*) from sample_verification_row r
                    where r.verification_id = v.id) as rows
            from sample_verification v where v.id = :id and v.campaign_id = :campaign
            """)
        .bind("id", id)
        .bind("campaign", campaignId)
        .map(
            r ->
                new Upload(
                    r.get("id", Long.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("uploaded_by", String.class),
                    r.get("uploaded_at", Instant.class),
                    json.readValue(
                        r.get("changes", String.class), new TypeReference<List<Change>>() {}),
                    r.get("rows", Long.class).intValue(),
                    r.get("confirmed_at", Instant.class)))
        .one();
  }

  /**
   * Writes the form's values to its entries and marks them verified; the number of entries written,
   * fewer than the form's rows if some changed since the upload.
   */
  Mono<Long> apply(long campaignId, long id, String login, Instant now) {
    return db.sql(
            """
            update sample_entry e
            set status = r.status, participants = r.participants,
                institution_type = r.institution_type, settlement_type = r.settlement_type,
                education_levels = r.education_levels, subjects = r.subjects,
                verified_at = :now, verified_by = :login, version = e.version + 1
            from sample_verification_row r
            where r.verification_id = :id and e.campaign_id = :campaign
              and e.organization_id = r.organization_id and e.version = r.entry_version
            """)
        .bind("id", id)
        .bind("campaign", campaignId)
        .bind("now", now)
        .bind("login", login)
        .fetch()
        .rowsUpdated();
  }

  /** Marks the upload confirmed; false if it already was. */
  Mono<Boolean> markConfirmed(long id, Instant now) {
    return db.sql(
            "update sample_verification set confirmed_at = :now"
                + " where id = :id and confirmed_at is null")
        .bind("id", id)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }
}
