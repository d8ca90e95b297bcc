package org.oko.publications;

import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Which of an archive's logins are organizations of the publication's audience. */
@Component
class ArchiveAudienceStore {

  private final DatabaseClient db;

  ArchiveAudienceStore(DatabaseClient db) {
    this.db = db;
  }

  /** The organizations of the audience among {@code logins}, id by login: one query. */
  Mono<Map<String, Long>> byLogin(long publicationId, List<String> logins) {
    return db.sql(
            "select o.login, o.id from publication p join organization o on o.login = any(:logins)"
                + " and "
                + AudienceRule.ORGANIZATION_IN_AUDIENCE
                + " where p.id = :id")
        .bind("logins", logins.toArray(String[]::new))
        .bind("id", publicationId)
        .map(r -> Map.entry(r.get("login", String.class), r.get("id", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }
}
