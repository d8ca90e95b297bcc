package org.oko.accounts;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oko.orgs.ScopeCondition;
import org.oko.platform.web.Paging;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The campaigns' staff registers (table {@code staff_member}), read against the published sample
 * (the sample's read model {@link SampleParticipants}) and the hierarchy (orgs' read model).
 */
@Component
class StaffStore {

  /** Which organizations of a campaign's sample a list shows. */
  record Selection(
      ScopeCondition scope, String regionCode, Long municipalityId, boolean missingOnly) {

    String where() {
      return scope.and()
          + (regionCode == null ? "" : " and e.region_code = :region")
          + (municipalityId == null ? "" : " and o.municipality_id = :municipality");
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec, long campaignId) {
      GenericExecuteSpec bound = scope.bind(spec).bind("campaign", campaignId);
      bound = regionCode == null ? bound : bound.bind("region", regionCode);
      return municipalityId == null ? bound : bound.bind("municipality", municipalityId);
    }
  }

  /** An organization of the sample and how many people hold each duty there. */
  record Covered(
      long id,
      String login,
      String name,
      String municipality,
      int responsible,
      int classroom,
      int technical) {}

  /** Counts over a whole selection. */
  record Summary(
      int organizations,
      int withoutResponsible,
      int withoutClassroom,
      int withoutTechnical,
      long missingAny) {}

  private static final String SAMPLED =
      """
      from %s e
      join organization o on o.id = e.organization_id
      left join municipality m on m.id = o.municipality_id
      left join (select organization_id,
                        count(*) filter (where duty = 'RESPONSIBLE_ORGANIZER') as responsible,
                        count(*) filter (where duty = 'CLASSROOM_ORGANIZER') as classroom,
                        count(*) filter (where duty = 'TECHNICAL_SPECIALIST') as technical
                 from staff_member where campaign_id = :campaign
                 group by organization_id) k on k.organization_id = o.id
      where e.campaign_id = :campaign
      """
          .formatted(SampleParticipants.relation());

  private static final String MISSING =
      " (coalesce(k.responsible, 0) = 0 or coalesce(k.classroom, 0) = 0"
          + " or coalesce(k.technical, 0) = 0)";

  private final DatabaseClient db;

  StaffStore(DatabaseClient db) {
    this.db = db;
  }

  Flux<Covered> page(long campaignId, Selection selection, Paging paging) {
    String sql =
        "select o.id, o.login, o.name, m.name as municipality, coalesce(k.responsible, 0) as r,"
            + " coalesce(k.classroom, 0) as c, coalesce(k.technical, 0) as t "
            + SAMPLED
            + selection.where()
            + (selection.missingOnly() ? " and" + MISSING : "")
            + " order by m.name nulls last, o.login limit :limit offset :offset";
    return selection
        .bind(db.sql(sql), campaignId)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(StaffStore::covered)
        .all();
  }

  Mono<Summary> summary(long campaignId, Selection selection) {
    String sql =
        "select count(*) as n,"
            + " count(*) filter (where coalesce(k.responsible, 0) = 0) as r,"
            + " count(*) filter (where coalesce(k.classroom, 0) = 0) as c,"
            + " count(*) filter (where coalesce(k.technical, 0) = 0) as t,"
            + " count(*) filter (where"
            + MISSING
            + ") as missing "
            + SAMPLED
            + selection.where();
    return selection
        .bind(db.sql(sql), campaignId)
        .map(
            r ->
                new Summary(
                    r.get("n", Long.class).intValue(),
                    r.get("r", Long.class).intValue(),
                    r.get("c", Long.class).intValue(),
                    r.get("t", Long.class).intValue(),
                    r.get("missing", Long.class)))
        .one();
  }

  /** Every organization of the selection (no paging: a region's sample, for its file or list). */
  Flux<Covered> all(long campaignId, Selection selection) {
    String sql =
        "select o.id, o.login, o.name, m.name as municipality, coalesce(k.responsible, 0) as r,"
            + " coalesce(k.classroom, 0) as c, coalesce(k.technical, 0) as t "
            + SAMPLED
            + selection.where()
            + " order by m.name nulls last, o.login";
    return selection.bind(db.sql(sql), campaignId).map(StaffStore::covered).all();
  }

  /** The people of these organizations, by duty then name. */
  Flux<StaffMember> members(long campaignId, Collection<Long> organizationIds) {
    if (organizationIds.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(
            "select organization_id, duty, full_name, phone, email from staff_member"
                + " where campaign_id = :campaign and organization_id = any(:orgs)"
                + " order by organization_id, duty, full_name, id")
        .bind("campaign", campaignId)
        .bind("orgs", organizationIds.toArray(Long[]::new))
        .map(
            r ->
                new StaffMember(
                    r.get("organization_id", Long.class),
                    StaffDuty.valueOf(r.get("duty", String.class)),
                    r.get("full_name", String.class),
                    r.get("phone", String.class),
                    r.get("email", String.class)))
        .all();
  }

  /** The organizations a file names, by login, and whether the campaign's sample has them. */
  Mono<Map<String, StaffRules.Named>> named(long campaignId, Collection<String> logins) {
    return db.sql(
            "select o.id, o.login, o.region_code, o.municipality_id,"
                + " exists (select 1 from "
                + SampleParticipants.relation()
                + " e where e.campaign_id = :campaign and e.organization_id = o.id) as sampled"
                + " from organization o where o.login = any(:logins)")
        .bind("campaign", campaignId)
        .bind("logins", logins.toArray(String[]::new))
        .map(
            r ->
                new StaffRules.Named(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("region_code", String.class),
                    r.get("municipality_id", Long.class),
                    Boolean.TRUE.equals(r.get("sampled", Boolean.class))))
        .all()
        .collect(HashMap::new, (map, n) -> map.put(n.login(), n));
  }

  /** Replaces the registers of the organizations named (inside the caller's transaction). */
  Mono<Void> replace(
      long campaignId,
      Map<Long, StaffRules.Named> organizations,
      List<StaffMember> members,
      String by) {
    Mono<Void> delete =
        db.sql(
                "delete from staff_member where campaign_id = :campaign"
                    + " and organization_id = any(:orgs)")
            .bind("campaign", campaignId)
            .bind("orgs", organizations.keySet().toArray(Long[]::new))
            .then();
    Mono<Void> insert =
        db.sql(
                "insert into staff_member (campaign_id, organization_id, region_code, duty,"
                    + " full_name, phone, email, updated_by)"
                    + " select :campaign, x.org, o.region_code, x.duty, x.name, x.phone, x.email,"
                    + " :by from unnest(:orgs::bigint[], :duties::text[], :names::text[],"
                    + " :phones::text[], :emails::text[]) as x(org, duty, name, phone, email)"
                    + " join organization o on o.id = x.org")
            .bind("campaign", campaignId)
            .bind("by", by)
            .bind("orgs", members.stream().map(StaffMember::organizationId).toArray(Long[]::new))
            .bind("duties", members.stream().map(m -> m.duty().name()).toArray(String[]::new))
            .bind("names", members.stream().map(StaffMember::fullName).toArray(String[]::new))
            .bind("phones", members.stream().map(StaffMember::phone).toArray(String[]::new))
            .bind("emails", members.stream().map(StaffMember::email).toArray(String[]::new))
            .then();
    return delete.then(insert);
  }

  private static Covered covered(Readable r) {
    return new Covered(
        r.get("id", Long.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("municipality", String.class),
        r.get("r", Long.class).intValue(),
        r.get("c", Long.class).intValue(),
        r.get("t", Long.class).intValue());
  }
}
