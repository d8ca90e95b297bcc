package org.oko.logistics;

import io.r2dbc.spi.Readable;
import java.util.List;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organizations a campaign's published sample selected, through the sample's read model of who
 * takes part ({@link SampleParticipants}); proposed, withdrawn or not yet published entries receive
 * no materials.
 */
@Component
class PublishedSampleStore {

  private static final String SELECTED =
      """
      select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality,
             e.participants, e.subjects
      from %s e
      join organization o on o.id = e.organization_id
      left join municipality m on m.id = o.municipality_id
      where e.campaign_id = :campaign
      """
          .formatted(SampleParticipants.relation());

  private final DatabaseClient db;

  PublishedSampleStore(DatabaseClient db) {
    this.db = db;
  }

  /** The organization's entry, or empty when the published sample does not include it. */
  Mono<SelectedOrganization> entry(long campaignId, long organizationId) {
    return db.sql(SELECTED + " and e.organization_id = :org")
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(PublishedSampleStore::toEntry)
        .one();
  }

  /** The selected organizations of a statement's scope, by municipality (none last), then login. */
  Flux<SelectedOrganization> in(long campaignId, StatementScope scope) {
    ScopeCondition part =
        scope.part().condition(ScopeCondition.Columns.of("o").withRegion("e.region_code"));
    return part.bind(db.sql(SELECTED + part.and() + " order by m.name nulls last, o.login"))
        .bind("campaign", campaignId)
        .map(PublishedSampleStore::toEntry)
        .all();
  }

  private static SelectedOrganization toEntry(Readable r) {
    String[] subjects = r.get("subjects", String[].class);
    return new SelectedOrganization(
        new OrganizationRef(
            r.get("id", Long.class),
            r.get("login", String.class),
            r.get("name", String.class),
            r.get("region_code", String.class),
            r.get("municipality_id", Long.class),
            r.get("municipality", String.class)),
        r.get("participants", Integer.class),
        subjects == null ? List.of() : List.of(subjects));
  }
}
