package org.oko.sample;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the preliminary list and the sample, always through an {@link EntryScope}. Joins the
 * organization and municipality tables read-only for names, places and paging by login.
 */
@Component
class SampleEntryStore {

  /** An entry as a list shows it: the status the caller may see, and whether it is published. */
  record Entry(
      OrganizationRef organization,
      String status,
      boolean published,
      Attributes attributes,
      Instant verifiedAt,
      String verifiedBy) {}

  /** A region's counts; {@code publishedAt} null while its sample is not published. */
  record RegionSummary(
      String code,
      String name,
      int proposed,
      int selected,
      int withdrawn,
      int verified,
      Instant publishedAt) {}

  /** An entry of a municipality's (or the without-municipality) part of a published sample. */
  record PartEntry(
      long organizationId,
      String login,
      String name,
      Long municipalityId,
      String municipalityName,
      String regionCode,
      String status,
      Attributes attributes,
      long version) {

    OrganizationRef organization() {
      return new OrganizationRef(
          organizationId, login, name, regionCode, municipalityId, municipalityName);
    }
  }

  /** An organization of a region for the template, with its entry in the list if it has one. */
  record TemplateRow(
      long organizationId,
      String login,
      String name,
      String kind,
      String settlementType,
      List<String> educationLevels,
      Attributes listed) {}

  private final DatabaseClient db;

  SampleEntryStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * A page in login order: by number, or (keyset, {@code afterLogin} not null) the entries after
   * that login, which a walk through a list that grows meanwhile never skips or repeats.
   */
  Flux<Entry> list(
      long campaignId,
      EntryScope scope,
      String status,
      String q,
      Paging paging,
      String afterLogin) {
    var spec =
        filtered(
                "select o.id, o.login, o.name, o.municipality_id, m.name as municipality,"
                    + " e.region_code, e.participants, e.institution_type, e.settlement_type,"
                    + " e.education_levels, e.subjects, e.verified_at, e.verified_by,"
                    + " (p.region_code is not null) as published, "
                    + EntryScope.SHOWN_STATUS
                    + " as shown"
                    + scope.from()
                    + FILTERS
                    + (afterLogin == null ? "" : " and o.login > :after")
                    + " order by o.login limit :limit offset :offset",
                campaignId,
                scope,
                status,
                q)
            .bind("limit", paging.size())
            .bind("offset", afterLogin == null ? paging.offset() : 0L);
    if (afterLogin != null) {
      spec = spec.bind("after", afterLogin);
    }
    return spec.map(SampleEntryStore::toEntry).all();
  }

  Mono<Long> count(long campaignId, EntryScope scope, String status, String q) {
    return filtered("select count(*) as n" + scope.from() + FILTERS, campaignId, scope, status, q)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /** Counts per region of {@code regionCodes} (all the caller sees), in code order. */
  Flux<RegionSummary> summary(long campaignId, EntryScope scope, Collection<String> regionCodes) {
    return bindScope(
            db.sql(
                    "with visible as (select e.region_code, e.verified_at, "
                        + EntryScope.SHOWN_STATUS
                        + " as shown"
                        + scope.from()
                        + ")"
                        + """
                     select r.code, r.name, p.published_at,
                            count(v.region_code) as proposed,
                            count(*) filter (where v.shown = 'SELECTED') as selected,
                            count(*) filter (where v.shown = 'WITHDRAWN') as withdrawn,
                            count(v.verified_at) as verified
                     from region r
                     left join sample_publication p on p.campaign_id = :campaign
                                                   and p.region_code = r.code
                     left join visible v on v.region_code = r.code
                     where r.code = any(:codes)
                     group by r.code, r.name, p.published_at
                     order by r.code
                    """)
                .bind("codes", regionCodes.toArray(String[]::new)),
            campaignId,
            scope)
        .map(
            r ->
                new RegionSummary(
                    r.get("code", String.class),
                    r.get("name", String.class),
                    r.get("proposed", Long.class).intValue(),
                    r.get("selected", Long.class).intValue(),
                    r.get("withdrawn", Long.class).intValue(),
                    r.get("verified", Long.class).intValue(),
                    r.get("published_at", Instant.class)))
        .all();
  }

  /** Every organization of the region of these kinds, with its current entry, by login. */
  Flux<TemplateRow> template(long campaignId, String regionCode, List<String> kinds) {
    return db.sql(
            """
            select o.id, o.login, o.name, o.kind, o.settlement_type as own_settlement,
                   o.education_levels as own_levels, e.organization_id as listed,
                   e.participants, e.institution_type, e.settlement_type, e.education_levels,
                   e.subjects
            from organization o
            left join sample_entry e on e.organization_id = o.id and e.campaign_id = :campaign
            where o.region_code = :region and o.kind = any(:kinds)
            order by o.login
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("kinds", kinds.toArray(String[]::new))
        .map(
            r ->
                new TemplateRow(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("kind", String.class),
                    r.get("own_settlement", String.class),
                    Arrays.asList(r.get("own_levels", String[].class)),
                    r.get("listed", Long.class) == null ? null : attributes(r)))
        .all();
  }

  /**
   * The sample's entries (selected or withdrawn) of a municipality, or with {@code municipalityId}
   * null of the region's organizations without one; empty unless published to the region.
   */
  Flux<PartEntry> part(long campaignId, String regionCode, Long municipalityId) {
    return db.sql(
            """
            select o.id, o.login, o.name, o.municipality_id, m.name as municipality,
                   e.region_code, e.status, e.participants, e.institution_type,
                   e.settlement_type, e.education_levels, e.subjects, e.version
            from sample_entry e
            join organization o on o.id = e.organization_id
            left join municipality m on m.id = o.municipality_id
            join sample_publication p on p.campaign_id = e.campaign_id
                                     and p.region_code = e.region_code
            where e.campaign_id = :campaign and e.region_code = :region
              and e.status <> 'PROPOSED'
              and o.municipality_id is not distinct from cast(:municipality as bigint)
            order by o.login
            """)
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .bind("municipality", Parameter.fromOrEmpty(municipalityId, Long.class))
        .map(
            r ->
                new PartEntry(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("municipality", String.class),
                    r.get("region_code", String.class),
                    r.get("status", String.class),
                    attributes(r),
                    r.get("version", Long.class)))
        .all();
  }

  private static final String FILTERS =
      " and (cast(:status as text) is null or "
          + EntryScope.SHOWN_STATUS
          + " = :status)"
          + " and (cast(:q as text) is null or o.login like :loginPrefix"
          + " or o.name ilike :namePart)";

  private GenericExecuteSpec filtered(
      String sql, long campaignId, EntryScope scope, String status, String q) {
    String term = q == null || q.isBlank() ? null : likeEscaped(q.strip());
    return bindScope(db.sql(sql), campaignId, scope)
        .bind("status", Parameter.fromOrEmpty(status, String.class))
        .bind("q", Parameter.fromOrEmpty(term, String.class))
        .bind(
            "loginPrefix",
            Parameter.fromOrEmpty(
                term == null ? null : term.toLowerCase(java.util.Locale.ROOT) + "%", String.class))
        .bind(
            "namePart",
            Parameter.fromOrEmpty(term == null ? null : "%" + term + "%", String.class));
  }

  private static GenericExecuteSpec bindScope(
      GenericExecuteSpec spec, long campaignId, EntryScope scope) {
    return scope.bind(spec, campaignId);
  }

  private static String likeEscaped(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static Attributes attributes(Readable r) {
    return new Attributes(
        r.get("participants", Integer.class),
        r.get("institution_type", String.class),
        r.get("settlement_type", String.class),
        Arrays.asList(r.get("education_levels", String[].class)),
        Arrays.asList(r.get("subjects", String[].class)));
  }

  private static Entry toEntry(Readable r) {
    Instant verified = r.get("verified_at", Instant.class);
    return new Entry(
        new OrganizationRef(
            r.get("id", Long.class),
            r.get("login", String.class),
            r.get("name", String.class),
            r.get("region_code", String.class),
            r.get("municipality_id", Long.class),
            r.get("municipality", String.class)),
        r.get("shown", String.class),
        r.get("published", Boolean.class),
        attributes(r),
        verified,
        verified == null ? null : r.get("verified_by", String.class));
  }
}
