package org.oko.orgs;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the hierarchy: regions, municipalities, organizations (one statement each; a caller that
 * writes more than one row in a transaction owns it).
 */
@Component
public class OrganizationRegistryStore {

  private final DatabaseClient db;

  OrganizationRegistryStore(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Boolean> isEmpty() {
    return db.sql("select not exists (select 1 from region) as empty")
        .map(r -> r.get("empty", Boolean.class))
        .one();
  }

  public Mono<Void> registerRegion(String code, String name, String timeZone) {
    return db.sql("insert into region (code, name, time_zone) values (:code, :name, :tz)")
        .bind("code", code)
        .bind("name", name)
        .bind("tz", timeZone)
        .then();
  }

  public Mono<Long> registerMunicipality(String regionCode, String name) {
    return db.sql("insert into municipality (region_code, name) values (:r, :n) returning id")
        .bind("r", regionCode)
        .bind("n", name)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Registers the organization; its id. */
  public Mono<Long> registerOrganization(NewOrganization o) {
    return db.sql(
            "insert into organization (login, name, kind, region_code, municipality_id,"
                + " settlement_type, education_levels, address)"
                + " values (:login, :name, :kind, :region, :municipality, :settlement,"
                + " :levels, :address) returning id")
        .bind("login", o.login())
        .bind("name", o.name())
        .bind("kind", o.kind())
        .bind("region", o.regionCode())
        .bind("settlement", o.settlementType())
        .bind("levels", o.educationLevels().toArray(String[]::new))
        .bind("address", o.address())
        .bind("municipality", Parameter.fromOrEmpty(o.municipalityId(), Long.class))
        .map(r -> r.get("id", Long.class))
        .one();
  }
}
