package org.oko.forms;

import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What protocol 2 says about kits: the {@code comment} of a kit's row (использован | испорчен | не
 * использован) in the latest submitted version of the point's response to a form of the campaign
 * whose sheet is pre-filled with the point's kits (prefill KITS) for the subject. A draft says
 * nothing: until protocol 2 is submitted, a kit has no mark.
 */
@Component
public class KitMarkDirectory {

  public static final String USED = "использован";
  public static final String SPOILED = "испорчен";
  public static final String NOT_USED = "не использован";

  /** How many kits of a point protocol 2 marks used. */
  public record PointUsed(long organizationId, String subjectKey, long used) {}

  /** The latest submitted content of every KITS sheet of the campaign's forms, per point. */
  private static final String LATEST =
      """
      with sheets as (
        select f.id, f.subject_key, s->>'key' as sheet, s->>'keyColumn' as key_column
        from form_definition f, jsonb_array_elements(f.schema->'sheets') s
        where f.campaign_id = :campaign and f.subject_key is not null
          and s->>'prefill' = 'KITS'
          and (cast(:subject as text) is null or f.subject_key = :subject)
      ), latest as (
        select distinct on (r.id, x.sheet) r.organization_id, x.subject_key, x.key_column,
               form_response_content(v.response_id, v.content_gen) -> x.sheet as rows
        from sheets x
        join form_response r on r.form_id = x.id and r.organization_id is not null
             and (cast(:org as bigint) is null or r.organization_id = :org)
        join form_response_version v on v.response_id = r.id
        order by r.id, x.sheet, v.number desc
      )
      """;

  private final DatabaseClient db;

  KitMarkDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** The kit's mark in the point's submitted protocol 2; empty when there is none yet. */
  public Mono<String> of(long campaignId, String subjectKey, long organizationId, long kitNumber) {
    return db.sql(
            LATEST
                + """
                select row->>'comment' as mark
                from latest l, jsonb_array_elements(
                    case when jsonb_typeof(l.rows) = 'array' then l.rows else '[]' end) row
                where l.subject_key = :subject and row->>l.key_column = :kit
                  and row->>'comment' is not null and row->>'comment' <> ''
                limit 1
                """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("org", organizationId)
        .bind("kit", Long.toString(kitNumber))
        .map(r -> r.get("mark", String.class))
        .one();
  }

  /** Every mark of the point's kits for the subject: kit number → mark. */
  public Mono<Map<Long, String>> ofPoint(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            LATEST
                + """
                select row->>l.key_column as kit, row->>'comment' as mark
                from latest l, jsonb_array_elements(
                    case when jsonb_typeof(l.rows) = 'array' then l.rows else '[]' end) row
                where l.subject_key = :subject
                  and row->>'comment' is not null and row->>'comment' <> ''
                """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("org", organizationId)
        .map(r -> Map.entry(r.get("kit", String.class), r.get("mark", String.class)))
        .all()
        .filter(e -> e.getKey() != null && e.getKey().strip().matches("[0-9]{1,18}"))
        .collectMap(e -> Long.parseLong(e.getKey().strip()), Map.Entry::getValue);
  }

  /**
   * Kits marked used per point and subject of the campaign, of one subject and one region only if
   * given (each null for all). Summed from the counts each frozen version keeps of its KITS sheets
   * ({@code form_response_version_mark}, taken by a trigger when the version is frozen, V60), not
   * counted on the rows: at a country's size that was a million protocol rows per request (issue
   * 24, part 3).
   */
  public Flux<PointUsed> usedPerPoint(long campaignId, String subjectKey, String regionCode) {
    return db.sql(
            """
            with sheets as (
              select f.id, f.subject_key, s->>'key' as sheet
              from form_definition f, jsonb_array_elements(f.schema->'sheets') s
              where f.campaign_id = :campaign and f.subject_key is not null
                and s->>'prefill' = 'KITS'
                and (cast(:subject as text) is null or f.subject_key = :subject)
            ), latest as (
              select distinct on (r.id) r.id, r.form_id, r.organization_id, v.number
              from form_response r
              join form_response_version v on v.response_id = r.id
              where r.form_id in (select id from sheets) and r.organization_id is not null
                and (cast(:region as text) is null or r.region_code = :region)
              order by r.id, v.number desc
            )
            select l.organization_id, x.subject_key, cast(sum(m.used) as bigint) as used
            from latest l
            join sheets x on x.id = l.form_id
            join form_response_version_mark m on m.response_id = l.id and m.number = l.number
                 and m.sheet = x.sheet
            where m.used > 0
            group by l.organization_id, x.subject_key
            """)
        .bind("campaign", campaignId)
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .map(
            r ->
                new PointUsed(
                    r.get("organization_id", Long.class),
                    r.get("subject_key", String.class),
                    r.get("used", Long.class)))
        .all();
  }
}
