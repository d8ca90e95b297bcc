package org.oko.sample;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes of the preliminary list, the selection and the publications. */
@Component
class SampleStore {

  /** An entry of the list as the draw and the selection see it. */
  record Candidate(long organizationId, String regionCode, String settlementType) {}

  /** A row of the new list as it is inserted. */
  private record NewEntry(
      long organization_id,
      int participants,
      String institution_type,
      String settlement_type,
      List<String> education_levels,
      List<String> subjects) {}

  private final DatabaseClient db;
  private final JsonMapper json;

  SampleStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** Replaces the region's whole list by {@code entries} (organization id → attributes). */
  Mono<Void> replaceList(long campaignId, String regionCode, Map<Long, Attributes> entries) {
    List<NewEntry> rows =
        entries.entrySet().stream()
            .map(
                e ->
                    new NewEntry(
                        e.getKey(),
                        e.getValue().participants(),
                        e.getValue().institutionType(),
                        e.getValue().settlementType(),
                        e.getValue().educationLevels(),
                        e.getValue().subjects()))
            .toList();
    return db.sql(
            "delete from sample_entry where campaign_id = :campaign and region_code = :region")
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .then()
        .then(
            Mono.fromCallable(() -> json.writeValueAsString(rows))
                .flatMap(
                    payload ->
                        db.sql(
                                """
                                insert into sample_entry (campaign_id, organization_id, region_code,
                                    status, participants, institution_type, settlement_type,
                                    education_levels, subjects)
                                select :campaign, x.organization_id, :region, 'PROPOSED',
                                       x.participants, x.institution_type, x.settlement_type,
                                       x.education_levels, x.subjects
                                from jsonb_to_recordset(:rows) as x(organization_id bigint,
                                    participants integer, institution_type text,
                                    settlement_type text, education_levels text[], subjects text[])
                                """)
                            .bind("campaign", campaignId)
                            .bind("region", regionCode)
                            .bind("rows", Json.of(payload))
                            .then()));
  }

  Mono<Boolean> isPublished(long campaignId, String regionCode) {
    return db.sql(
            "select exists (select 1 from sample_publication"
                + " where campaign_id = :campaign and region_code = :region) as published")
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .map(r -> r.get("published", Boolean.class))
        .one();
  }

  Flux<String> publishedRegions(long campaignId) {
    return db.sql("select region_code from sample_publication where campaign_id = :campaign")
        .bind("campaign", campaignId)
        .map(r -> r.get("region_code", String.class))
        .all();
  }

  /** The list's entries of these regions. */
  Flux<Candidate> candidates(long campaignId, Collection<String> regionCodes) {
    return db.sql(
            "select organization_id, region_code, settlement_type from sample_entry"
                + " where campaign_id = :campaign and region_code = any(:regions)")
        .bind("campaign", campaignId)
        .bind("regions", regionCodes.toArray(String[]::new))
        .map(
            r ->
                new Candidate(
                    r.get("organization_id", Long.class),
                    r.get("region_code", String.class),
                    r.get("settlement_type", String.class)))
        .all();
  }

  /** The list's entries with these organization ids (those in no list are absent). */
  Flux<Candidate> entries(long campaignId, Collection<Long> organizationIds) {
    return db.sql(
            "select organization_id, region_code, settlement_type from sample_entry"
                + " where campaign_id = :campaign and organization_id = any(:ids)")
        .bind("campaign", campaignId)
        .bind("ids", organizationIds.toArray(Long[]::new))
        .map(
            r ->
                new Candidate(
                    r.get("organization_id", Long.class),
                    r.get("region_code", String.class),
                    r.get("settlement_type", String.class)))
        .all();
  }

  /** The regions' selection becomes exactly {@code selected}; the rest of their lists proposed. */
  Mono<Void> replaceSelection(
      long campaignId, Collection<String> regionCodes, Collection<Long> selected) {
    return db.sql(
            """
            update sample_entry
            set status = case when organization_id = any(:selected) then 'SELECTED'
                              else 'PROPOSED' end,
                version = version + 1
            where campaign_id = :campaign and region_code = any(:regions)
            """)
        .bind("campaign", campaignId)
        .bind("regions", regionCodes.toArray(String[]::new))
        .bind("selected", selected.toArray(Long[]::new))
        .then();
  }

  Mono<Void> setStatus(long campaignId, Collection<Long> organizationIds, String status) {
    if (organizationIds.isEmpty()) {
      return Mono.empty();
    }
    return db.sql(
            "update sample_entry set status = :status, version = version + 1"
                + " where campaign_id = :campaign and organization_id = any(:ids)")
        .bind("status", status)
        .bind("campaign", campaignId)
        .bind("ids", organizationIds.toArray(Long[]::new))
        .then();
  }

  /** How many organizations each region of the campaign has in its selection. */
  Mono<Map<String, Integer>> selectedCounts(long campaignId) {
    return db.sql(
            "select region_code, count(*) as n from sample_entry"
                + " where campaign_id = :campaign and status = 'SELECTED' group by region_code")
        .bind("campaign", campaignId)
        .map(r -> Map.entry(r.get("region_code", String.class), r.get("n", Long.class).intValue()))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** Publishes to a region; false if it already was (nothing changes then). */
  Mono<Boolean> publish(long campaignId, String regionCode, String login, Instant now) {
    return db.sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:campaign, :region, :now, :login) on conflict do nothing")
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("now", now)
        .bind("login", login)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }
}
