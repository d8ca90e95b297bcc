package org.oko.results;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The results' own tables: protocols applied, participants, tallies, grade scales. */
@Component
class ResultsStore {

  /** Where an organization stands in the hierarchy (orgs' read model). */
  record Place(long organizationId, String regionCode, Long municipalityId) {}

  /** The version of an organization's protocol the results hold. */
  record Applied(
      long campaignId,
      String subjectKey,
      long organizationId,
      String regionCode,
      Long municipalityId,
      long responseId,
      int number,
      boolean active) {}

  private final DatabaseClient db;
  private final JsonMapper json;

  ResultsStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  // --- subjects and scales

  /**
   * The campaign subject with its tasks (or, without them, the criteria its scoring events carried)
   * and scale; empty when the campaign does not list it.
   */
  Mono<Subject> subject(long campaignId, String subjectKey) {
    return db.sql(
            "select c.subjects, s.boundaries, k.codes, k.maxima from "
                + CampaignReadModel.campaigns()
                + " c left join result_grade_scale s on s.campaign_id = c.id"
                + " and s.subject_key = :subject"
                + " left join result_criteria k on k.campaign_id = c.id"
                + " and k.subject_key = :subject where c.id = :campaign")
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .map(
            row -> {
              JsonNode subjects = json.readTree(row.get("subjects", Json.class).asString());
              Integer[] boundaries = row.get("boundaries", Integer[].class);
              for (JsonNode s : subjects) {
                if (!subjectKey.equals(s.path("key").asString())) {
                  continue;
                }
                List<String> labels = new ArrayList<>();
                List<Integer> max = new ArrayList<>();
                for (JsonNode t : s.path("tasks")) {
                  labels.add(t.path("label").asString());
                  max.add(t.path("maxScore").asInt());
                }
                String[] codes = row.get("codes", String[].class);
                Integer[] maxima = row.get("maxima", Integer[].class);
                if (labels.isEmpty() && codes != null && maxima != null) {
                  // No tasks of its own (an ОМК subject): the scoring scheme's criteria.
                  labels.addAll(List.of(codes));
                  max.addAll(List.of(maxima));
                }
                return java.util.Optional.of(
                    new Subject(
                        campaignId,
                        subjectKey,
                        s.path("name").asString(subjectKey),
                        List.copyOf(labels),
                        max.stream().mapToInt(Integer::intValue).toArray(),
                        boundaries == null ? null : IntArrays.unbox(boundaries)));
              }
              return java.util.Optional.<Subject>empty();
            })
        .one()
        .flatMap(Mono::justOrEmpty);
  }

  record Scale(int[] boundaries, Instant updatedAt, String updatedBy) {}

  Mono<Scale> scale(long campaignId, String subjectKey) {
    return db.sql(
            "select boundaries, updated_at, updated_by from result_grade_scale"
                + " where campaign_id = :c and subject_key = :s")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .map(
            r ->
                new Scale(
                    IntArrays.unbox(r.get("boundaries", Integer[].class)),
                    r.get("updated_at", Instant.class),
                    r.get("updated_by", String.class)))
        .one();
  }

  Mono<Void> putScale(long campaignId, String subjectKey, int[] boundaries, Instant at, String by) {
    return db.sql(
            """
            insert into result_grade_scale (campaign_id, subject_key, boundaries, updated_at,
                updated_by) values (:c, :s, :b, :at, :by)
            on conflict (campaign_id, subject_key) do update set boundaries = excluded.boundaries,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("b", IntArrays.box(boundaries))
        .bind("at", at)
        .bind("by", by)
        .then();
  }

  /** Serializes the writes of one campaign subject (a protocol, a new scale) until commit. */
  Mono<Void> lock(long campaignId, String subjectKey) {
    return db.sql("select pg_advisory_xact_lock(hashtext('results'), hashtext(:k))")
        .bind("k", campaignId + "/" + subjectKey)
        .fetch()
        .rowsUpdated()
        .then();
  }

  // --- protocols

  Mono<Place> place(long organizationId) {
    return db.sql("select id, region_code, municipality_id from organization where id = :id")
        .bind("id", organizationId)
        .map(
            r ->
                new Place(
                    r.get("id", Long.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class)))
        .one();
  }

  Mono<Applied> applied(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select * from result_protocol where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", organizationId)
        .map(ResultsStore::applied)
        .one();
  }

  Mono<Applied> appliedByResponse(long responseId) {
    return db.sql("select * from result_protocol where response_id = :r")
        .bind("r", responseId)
        .map(ResultsStore::applied)
        .one();
  }

  private static Applied applied(Readable r) {
    return new Applied(
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        r.get("organization_id", Long.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("response_id", Long.class),
        r.get("number", Integer.class),
        r.get("active", Boolean.class));
  }

  Mono<Void> putProtocol(
      long campaignId,
      String subjectKey,
      Place place,
      long formId,
      long responseId,
      int number,
      boolean active,
      Instant at) {
    return db.sql(
            """
            insert into result_protocol (campaign_id, subject_key, organization_id, region_code,
                municipality_id, form_id, response_id, number, active, updated_at)
            values (:c, :s, :o, :r, :m, :f, :resp, :n, :a, :at)
            on conflict (campaign_id, subject_key, organization_id) do update set
                region_code = excluded.region_code, municipality_id = excluded.municipality_id,
                form_id = excluded.form_id, response_id = excluded.response_id,
                number = excluded.number, active = excluded.active, updated_at = excluded.updated_at
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", place.organizationId())
        .bind("r", place.regionCode())
        .bind("m", Parameter.fromOrEmpty(place.municipalityId(), Long.class))
        .bind("f", formId)
        .bind("resp", responseId)
        .bind("n", number)
        .bind("a", active)
        .bind("at", at)
        .then();
  }
}
