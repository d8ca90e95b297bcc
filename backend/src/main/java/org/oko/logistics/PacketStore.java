package org.oko.logistics;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.oko.orgs.OrganizationReadModel;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes of accepted return delivery packets. */
@Component
class PacketStore {

  /** An accepted packet with the organization it came from. */
  record Accepted(
      long id,
      String packetNumber,
      OrganizationRef organization,
      String acceptedBy,
      Instant acceptedAt,
      String note) {}

  /** Which packets a list shows: the caller's scope, narrowed by the fields that are not null. */
  record Filter(Visibility scope, String regionCode, Long organizationId) {

    ScopeCondition condition() {
      return scope.condition(ScopeCondition.Columns.ofRowsIn("p"));
    }
  }

  private static final String SELECT =
      """
      select p.id, p.packet_number, p.accepted_by, p.accepted_at, p.note,
             %s
      from delivery_packet p
      join organization o on o.id = p.organization_id
      left join municipality m on m.id = o.municipality_id
      where p.campaign_id = :campaign
      """
          .formatted(OrganizationReadModel.COLUMNS);

  private static final String FILTER =
      """
       and (cast(:region as text) is null or p.region_code = :region)
       and (cast(:org as bigint) is null or p.organization_id = :org)
      """;

  private final DatabaseClient db;

  PacketStore(DatabaseClient db) {
    this.db = db;
  }

  /** Stores the packet; empty if the campaign already has a packet with this number. */
  Mono<Long> insert(
      long campaignId,
      String packetNumber,
      OrganizationRef organization,
      String acceptedBy,
      Instant acceptedAt,
      String note) {
    return db.sql(
            """
            insert into delivery_packet (campaign_id, packet_number, organization_id, region_code,
                                         accepted_by, accepted_at, note)
            values (:campaign, :number, :org, :region, :by, :at, :note)
            on conflict (campaign_id, packet_number) do nothing
            returning id
            """)
        .bind("campaign", campaignId)
        .bind("number", packetNumber)
        .bind("org", organization.id())
        .bind("region", organization.regionCode())
        .bind("by", acceptedBy)
        .bind("at", acceptedAt)
        .bind("note", Parameter.fromOrEmpty(note, String.class))
        .map(r -> r.get("id", Long.class))
        .one();
  }

  Mono<Accepted> byNumber(long campaignId, String packetNumber) {
    return db.sql(SELECT + " and p.packet_number = :number")
        .bind("campaign", campaignId)
        .bind("number", packetNumber)
        .map(PacketStore::toAccepted)
        .one();
  }

  /** Latest first. */
  Flux<Accepted> page(long campaignId, Filter filter, Paging paging) {
    return bind(
            db.sql(
                SELECT
                    + FILTER
                    + filter.condition().and()
                    + " order by p.accepted_at desc, p.id desc limit :limit offset :offset"),
            campaignId,
            filter)
        .bind("limit", paging.size())
        .bind("offset", paging.offset())
        .map(PacketStore::toAccepted)
        .all();
  }

  Mono<Long> count(long campaignId, Filter filter) {
    return bind(
            db.sql(
                "select count(*) as n from delivery_packet p"
                    + " join organization o on o.id = p.organization_id"
                    + " where p.campaign_id = :campaign"
                    + FILTER
                    + filter.condition().and()),
            campaignId,
            filter)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /** How many packets each organization of the region has returned, by organization id. */
  Mono<Map<Long, Long>> returnedPerOrganization(long campaignId, String regionCode) {
    return db.sql(
            "select organization_id, count(*) as n from delivery_packet"
                + " where campaign_id = :campaign and region_code = :region"
                + " group by organization_id")
        .bind("campaign", campaignId)
        .bind("region", regionCode)
        .map(r -> Map.entry(r.get("organization_id", Long.class), r.get("n", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  private static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, long campaignId, Filter filter) {
    return filter
        .condition()
        .bind(spec)
        .bind("campaign", campaignId)
        .bind("region", Parameter.fromOrEmpty(filter.regionCode(), String.class))
        .bind("org", Parameter.fromOrEmpty(filter.organizationId(), Long.class));
  }

  private static Accepted toAccepted(Readable r) {
    return new Accepted(
        r.get("id", Long.class),
        r.get("packet_number", String.class),
        OrganizationReadModel.ref(r),
        r.get("accepted_by", String.class),
        r.get("accepted_at", Instant.class),
        r.get("note", String.class));
  }
}
