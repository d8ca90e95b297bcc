package org.oko.logistics;

import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Names and time zones of regions and municipalities, for headings and local times. */
@Component
class PlaceStore {

  record Region(String code, String name, ZoneId zone) {}

  record Municipality(long id, String regionCode, String name) {}

  private final DatabaseClient db;

  PlaceStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Region> region(String code) {
    return db.sql("select code, name, time_zone from region where code = :code")
        .bind("code", code)
        .map(
            r ->
                new Region(
                    r.get("code", String.class),
                    r.get("name", String.class),
                    ZoneId.of(r.get("time_zone", String.class))))
        .one();
  }

  Mono<Municipality> municipality(long id) {
    return db.sql("select id, region_code, name from municipality where id = :id")
        .bind("id", id)
        .map(
            r ->
                new Municipality(
                    r.get("id", Long.class),
                    r.get("region_code", String.class),
                    r.get("name", String.class)))
        .one();
  }
}
