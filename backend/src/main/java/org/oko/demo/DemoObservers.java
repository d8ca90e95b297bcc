package org.oko.demo;

import java.time.Instant;
import java.time.LocalDate;
import org.oko.campaigns.CampaignReadModel;
import org.oko.observers.ObserversAdmin;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The observers of the spring ВПР: candidates of edu640001 and edu640021, those accepted by
 * mun64-engels, the observer {@code observer64} with yesterday's act with a violation (it reaches
 * region64 and federal) and today's assignment to mark presence at.
 */
@Component
class DemoObservers {

  static final String OBSERVER = "observer64";

  private final DatabaseClient db;
  private final ObserversAdmin admin;

  DemoObservers(DatabaseClient db, ObserversAdmin admin) {
    this.db = db;
    this.admin = admin;
  }

  Mono<Void> create(Instant now) {
    LocalDate conductDay = LocalDate.ofInstant(now, DemoCampaigns.MOSCOW).plusDays(28);
    return db.sql(
            "select id from "
                + CampaignReadModel.campaigns()
                + " c where c.title = 'ВПР-2026, весна'")
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(id -> admin.seedDemo(id, OBSERVER, conductDay, now));
  }
}
