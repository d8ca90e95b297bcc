package org.oko.scans;

import java.util.Collection;
import org.oko.orgs.OrganizationRef;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organizations a region lets scan their own works, per campaign ({@code local_scanning}). */
@Component
class LocalScanningStore {

  private final DatabaseClient db;

  LocalScanningStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Boolean> scansLocally(long campaignId, long organizationId) {
    return db.sql(
            "select exists (select 1 from local_scanning where campaign_id = :c"
                + " and organization_id = :o) as allowed")
        .bind("c", campaignId)
        .bind("o", organizationId)
        .map(r -> r.get("allowed", Boolean.class))
        .one();
  }

  /** The campaigns in which the organization uploads its own scans, newest first. */
  Flux<Long> campaignsScannedLocallyBy(long organizationId) {
    return db.sql(
            "select campaign_id from local_scanning where organization_id = :o"
                + " order by campaign_id desc")
        .bind("o", organizationId)
        .map(r -> r.get("campaign_id", Long.class))
        .all();
  }

  Flux<OrganizationRef> localScanning(long campaignId, String regionCode) {
    return db.sql(
            "select o.id, o.login, o.name, o.region_code, o.municipality_id,"
                + " m.name as municipality from local_scanning l"
                + " join organization o on o.id = l.organization_id"
                + " left join municipality m on m.id = o.municipality_id"
                + " where l.campaign_id = :c and l.region_code = :region order by o.login")
        .bind("c", campaignId)
        .bind("region", regionCode)
        .map(BatchStore::ref)
        .all();
  }

  /** Replaces the region's list; call it in a transaction. */
  Mono<Void> setLocalScanning(long campaignId, String regionCode, Collection<Long> ids) {
    return db.sql("delete from local_scanning where campaign_id = :c and region_code = :region")
        .bind("c", campaignId)
        .bind("region", regionCode)
        .then()
        .then(
            ids.isEmpty()
                ? Mono.empty()
                : db.sql(
                        "insert into local_scanning (campaign_id, organization_id, region_code)"
                            + " select distinct :c, i, :region from unnest(cast(:ids as bigint[])) i")
                    .bind("c", campaignId)
                    .bind("region", regionCode)
                    .bind("ids", ids.toArray(Long[]::new))
                    .then());
  }
}
