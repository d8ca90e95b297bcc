package org.oko.orgs;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The organizations of a scope, streamed in portions for the bulk export. */
@Component
class OrganizationExportStore {

  private static final int FETCH_SIZE = 500;

  /** One organization as exported. */
  record Exported(
      long id,
      String login,
      String name,
      String kind,
      String regionCode,
      String region,
      Long municipalityId,
      String municipality,
      String settlementType,
      List<String> educationLevels,
      String address,
      Instant registeredAt) {}

  private final DatabaseClient db;

  OrganizationExportStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The organizations inside {@code scope}: for people in the order a registry is read (region,
   * municipality, login); for machines ({@code byId}) in id order after {@code afterId}, so that a
   * broken download resumes where it stopped.
   */
  Flux<Exported> rows(ScopeCondition scope, boolean byId, Long afterId) {
    String order =
        byId
            ? " and o.id > :after order by o.id"
            : " order by o.region_code, m.name nulls first, o.login";
    var spec =
        db.sql(
            """
            select o.id, o.login, o.name, o.kind, o.region_code, r.name as region,
                   o.municipality_id, m.name as municipality, o.settlement_type,
                   o.education_levels, o.address, o.registered_at
            from organization o
            join region r on r.code = o.region_code
            left join municipality m on m.id = o.municipality_id
            where true
            """
                + scope.and()
                + order);
    spec = scope.bind(spec);
    if (byId) {
      spec = spec.bind("after", afterId == null ? 0L : afterId);
    }
    return spec
        // Fetched in portions as the file is written, not the whole result at once.
        .filter((statement, next) -> next.execute(statement.fetchSize(FETCH_SIZE)))
        .map(
            r ->
                new Exported(
                    r.get("id", Long.class),
                    r.get("login", String.class),
                    r.get("name", String.class),
                    r.get("kind", String.class),
                    r.get("region_code", String.class),
                    r.get("region", String.class),
                    r.get("municipality_id", Long.class),
                    r.get("municipality", String.class),
                    r.get("settlement_type", String.class),
                    List.of(r.get("education_levels", String[].class)),
                    r.get("address", String.class),
                    r.get("registered_at", Instant.class)))
        .all();
  }
}
