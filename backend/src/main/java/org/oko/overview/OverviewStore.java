package org.oko.overview;

import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the page needs of the hierarchy (orgs' read model) beyond an organization's place. */
@Component
class OverviewStore {

  /** The organization's kind and its region's name and time zone. */
  record Place(String kind, String regionName, ZoneId zone) {}

  private final DatabaseClient db;

  OverviewStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Place> placeOf(long organizationId) {
    return db.sql(
            "select o.kind, r.name, r.time_zone from organization o"
                + " join region r on r.code = o.region_code where o.id = :id")
        .bind("id", organizationId)
        .map(
            r ->
                new Place(
                    r.get("kind", String.class),
                    r.get("name", String.class),
                    ZoneId.of(r.get("time_zone", String.class))))
        .one();
  }
}
