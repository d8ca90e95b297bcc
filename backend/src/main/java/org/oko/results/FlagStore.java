package org.oko.results;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.results.ResultsStore.Place;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The objectivity flags stored on the organizations' tally rows ({@code result_tally.flags}, {@code
 * flag_values}) and the regions whose organizations' flags are due for a refresh ({@code
 * flags_stale}).
 */
@Component
class FlagStore {

  /** An organization's tally with its place (a region's refresh). */
  record Placed(Place place, Tally tally) {}

  /** A region of a campaign subject whose organizations' flags are due. */
  record StaleRegion(long campaignId, String subjectKey, String regionCode) {}

  /** An organization with its stored flags (null: not computed yet) and participants. */
  record Stored(long organizationId, int participants, List<Flag> flags) {}

  private final DatabaseClient db;
  private final JsonMapper json;

  FlagStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** Stores an organization's decided signs on its tally row (none when it has no row). */
  Mono<Void> put(long campaignId, String subjectKey, long organizationId, List<Flag> flags) {
    return putAll(campaignId, subjectKey, Map.of(organizationId, flags));
  }

  /** Stores the decided signs of organizations, by organization id, in one statement. */
  Mono<Void> putAll(long campaignId, String subjectKey, Map<Long, List<Flag>> byOrganization) {
    if (byOrganization.isEmpty()) {
      return Mono.empty();
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    byOrganization.forEach(
        (organizationId, flags) -> {
          List<Map<String, Object>> values = new ArrayList<>();
          for (Flag f : flags) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("code", f.code().name());
            v.put("raised", f.raised());
            v.put("value", f.value());
            values.add(v);
          }
          doc.put(
              organizationId.toString(),
              Map.of(
                  "raised",
                  ObjectivityRules.raised(flags).stream().map(Enum::name).toList(),
                  "values",
                  values));
        });
    return db.sql(
            "update result_tally t set flags = array(select jsonb_array_elements_text("
                + "x.value -> 'raised')), flag_values = x.value -> 'values'"
                + " from jsonb_each(cast(:doc as jsonb)) x"
                + " where t.campaign_id = :c and t.subject_key = :s and t.level = 'ORGANIZATION'"
                + " and t.unit = x.key")
        .bind("doc", Json.of(json.writeValueAsString(doc)))
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .then();
  }

  /**
   * For each of these organizations that had results of the subject in an earlier campaign (with
   * flags computed), whether it had any sign but «repeated» in the latest such campaign.
   */
  Mono<Map<Long, Boolean>> previouslyRaised(
      long campaignId, String subjectKey, List<Long> organizations) {
    if (organizations.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(
            "select distinct on (organization_id) organization_id, flags from result_tally"
                + " where level = 'ORGANIZATION' and subject_key = :s and campaign_id < :c"
                + " and organization_id = any(:o) and flags is not null"
                + " order by organization_id, campaign_id desc")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", organizations.toArray(Long[]::new))
        .map(
            r ->
                Map.entry(
                    r.get("organization_id", Long.class),
                    List.of(r.get("flags", String[].class)).stream()
                        .anyMatch(c -> !FlagCode.REPEATED.name().equals(c))))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  /** The organization's stored flags; empty when it has no results. */
  Mono<Stored> stored(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select organization_id, participants, flag_values from result_tally"
                + " where campaign_id = :c and subject_key = :s and level = 'ORGANIZATION'"
                + " and unit = :u")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("u", Long.toString(organizationId))
        .map(this::stored)
        .one();
  }

  private Stored stored(Readable r) {
    Json values = r.get("flag_values", Json.class);
    List<Flag> flags = null;
    if (values != null) {
      flags = new ArrayList<>();
      for (JsonNode v : json.readTree(values.asString())) {
        flags.add(
            FlagCode.valueOf(v.path("code").asString())
                .decided(v.path("raised").asBoolean(), v.path("value").asString()));
      }
    }
    return new Stored(
        r.get("organization_id", Long.class), r.get("participants", Integer.class), flags);
  }

  /** The organizations of a region with results of the subject, with their tallies. */
  Flux<Placed> organizationsOf(long campaignId, String subjectKey, String regionCode) {
    return db.sql(
            "select organization_id, region_code, municipality_id, "
                + TallyStore.TALLY_COLUMNS
                + " from result_tally where campaign_id = :c and subject_key = :s"
                + " and level = 'ORGANIZATION' and region_code = :r")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("r", regionCode)
        .map(
            r ->
                new Placed(
                    new Place(
                        r.get("organization_id", Long.class),
                        r.get("region_code", String.class),
                        r.get("municipality_id", Long.class)),
                    TallyStore.tally(r)))
        .all();
  }

  Flux<StaleRegion> staleRegions() {
    return db.sql(
            "select campaign_id, subject_key, unit from result_tally"
                + " where level = 'REGION' and flags_stale order by campaign_id, subject_key, unit")
        .map(
            r ->
                new StaleRegion(
                    r.get("campaign_id", Long.class),
                    r.get("subject_key", String.class),
                    r.get("unit", String.class)))
        .all();
  }

  /** Takes a stale region for a refresh; false when another instance took it. */
  Mono<Boolean> claim(StaleRegion region) {
    return db.sql(
            "update result_tally set flags_stale = false where campaign_id = :c"
                + " and subject_key = :s and level = 'REGION' and unit = :r and flags_stale")
        .bind("c", region.campaignId())
        .bind("s", region.subjectKey())
        .bind("r", region.regionCode())
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /**
   * How many organizations with a raised sign each unit of a table has, by unit id (a region's code
   * or a municipality's id), among the organizations in the scope under the parent.
   */
  Mono<Map<String, Integer>> flaggedCounts(
      long campaignId,
      String subjectKey,
      Level rows,
      String parentRegion,
      Long parentMunicipality,
      Visibility scope) {
    ScopeCondition in = scope.condition(ScopeCondition.Columns.ofRowsIn("t"));
    String unit = rows == Level.REGION ? "t.region_code" : "cast(t.municipality_id as text)";
    GenericExecuteSpec spec =
        db.sql(
                "select "
                    + unit
                    + " as unit, count(*) as n from result_tally t"
                    + " join organization o on o.id = t.organization_id"
                    + " where t.campaign_id = :c and t.subject_key = :s"
                    + " and t.level = 'ORGANIZATION' and cardinality(t.flags) > 0"
                    + (parentRegion == null ? "" : " and t.region_code = :pr")
                    + (parentMunicipality == null ? "" : " and t.municipality_id = :pm")
                    + in.and()
                    + " group by 1")
            .bind("c", campaignId)
            .bind("s", subjectKey);
    if (parentRegion != null) {
      spec = spec.bind("pr", parentRegion);
    }
    if (parentMunicipality != null) {
      spec = spec.bind("pm", parentMunicipality);
    }
    return in.bind(spec)
        .map(r -> Map.entry(String.valueOf(r.get("unit", String.class)), r.get("n", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, e -> e.getValue().intValue(), HashMap::new);
  }
}
