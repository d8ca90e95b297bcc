package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.campaigns.CampaignReadModel;
import org.oko.orgs.Visibility;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who a form is addressed to. An organization fills a campaign's organization form when the
 * published sample selected it and it is of one of the form's kinds (the sample's read model of who
 * takes part, {@link SampleParticipants}); a municipality fills a municipal form when it lies in a
 * region of the campaign.
 */
@Component
class RespondentStore {

  /** The organizations selected by the campaign's published sample. */
  static final String SELECTED =
      """
      select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality
      from %s e
      join organization o on o.id = e.organization_id
      left join municipality m on m.id = o.municipality_id
      where e.campaign_id = :campaign and o.kind = any(:kinds)
      """
          .formatted(SampleParticipants.relation());

  private final DatabaseClient db;

  RespondentStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<String> kindOf(long organizationId) {
    return db.sql("select kind from organization where id = :id")
        .bind("id", organizationId)
        .map(r -> r.get("kind", String.class))
        .one();
  }

  /** The organization as a respondent of the campaign's form, or empty if it is not addressed. */
  Mono<Respondent> organization(long campaignId, List<String> kinds, long organizationId) {
    return db.sql(SELECTED + " and o.id = :org")
        .bind("campaign", campaignId)
        .bind("kinds", kinds.toArray(String[]::new))
        .bind("org", organizationId)
        .map(RespondentStore::toOrganization)
        .one();
  }

  /** The addressed organizations among these logins, by login. */
  Mono<Map<String, Respondent>> organizations(
      long campaignId, List<String> kinds, Collection<String> logins) {
    return db.sql(SELECTED + " and o.login = any(:logins)")
        .bind("campaign", campaignId)
        .bind("kinds", kinds.toArray(String[]::new))
        .bind("logins", logins.toArray(String[]::new))
        .map(RespondentStore::toOrganization)
        .all()
        .collectMap(Respondent::login);
  }

  /** The municipality as a respondent, or empty if it is not in a region of the campaign. */
  Mono<Respondent> municipality(long campaignId, long municipalityId) {
    return db.sql(
            """
            select m.id, m.name, m.region_code from municipality m
            join %s cr on cr.region_code = m.region_code and cr.campaign_id = :campaign
            where m.id = :id
            """
                .formatted(CampaignReadModel.regions()))
        .bind("campaign", campaignId)
        .bind("id", municipalityId)
        .map(
            r ->
                new Respondent(
                    RespondentKind.MUNICIPALITY,
                    null,
                    null,
                    r.get("id", Long.class),
                    r.get("name", String.class),
                    r.get("region_code", String.class),
                    r.get("name", String.class)))
        .one();
  }

  /**
   * The region's part of organizations without a municipality as a respondent of a municipal form
   * (the responsible coordinator fills it), or empty if the region is not in the campaign.
   */
  Mono<Respondent> regionPart(long campaignId, String regionCode) {
    return db.sql(
            """
            select r.code, r.name from region r
            join %s cr on cr.region_code = r.code and cr.campaign_id = :campaign
            where r.code = :code
            """
                .formatted(CampaignReadModel.regions()))
        .bind("campaign", campaignId)
        .bind("code", regionCode)
        .map(
            r ->
                new Respondent(
                    RespondentKind.MUNICIPALITY,
                    null,
                    null,
                    null,
                    r.get("name", String.class) + ": " + WITHOUT_MUNICIPALITY,
                    r.get("code", String.class),
                    WITHOUT_MUNICIPALITY))
        .one();
  }

  /** How the region's part of organizations without a municipality is named. */
  static final String WITHOUT_MUNICIPALITY = "организации без муниципалитета";

  /**
   * The rows of a MUNICIPALITY_SAMPLE sheet: the respondent's selected organizations — a
   * municipality's, or for the region's part those of the region under no municipality.
   */
  Mono<List<Map<String, String>>> sampleOf(long campaignId, List<String> kinds, Respondent part) {
    String where =
        part.isRegionPart()
            ? " and "
                + Visibility.underNoMunicipality("o.municipality_id")
                + " and o.region_code = :m order by o.login"
            : " and o.municipality_id = :m order by o.login";
    return db.sql(SELECTED + where)
        .bind("campaign", campaignId)
        .bind("kinds", kinds.toArray(String[]::new))
        .bind("m", part.isRegionPart() ? part.regionCode() : part.municipalityId())
        .map(
            r -> {
              Map<String, String> row = new LinkedHashMap<>();
              row.put("login", r.get("login", String.class));
              row.put("name", r.get("name", String.class));
              return row;
            })
        .all()
        .collectList();
  }

  /** Which of these organization logins exist. */
  Mono<Set<String>> existing(Set<String> logins) {
    if (logins.isEmpty()) {
      return Mono.just(Set.of());
    }
    return db.sql("select login from organization where login = any(:logins)")
        .bind("logins", logins.toArray(String[]::new))
        .map(r -> r.get("login", String.class))
        .all()
        .collect(HashSet::new, Set::add);
  }

  private static Respondent toOrganization(Readable r) {
    return new Respondent(
        RespondentKind.ORGANIZATION,
        r.get("id", Long.class),
        r.get("login", String.class),
        r.get("municipality_id", Long.class),
        r.get("name", String.class),
        r.get("region_code", String.class),
        r.get("municipality", String.class));
  }
}
