package org.oko.platform.events;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The published events in commit order, for the change feed of regional systems: every outbox row
 * the relay published, by the number it got then ({@link OutboxRelay}). Reading "after number n"
 * never skips or repeats a row, however many transactions commit meanwhile.
 */
@Component
public class ChangeLog {

  /** The columns a scope condition may name: where an event belongs. */
  public static final String REGION_COLUMN = "region_code";

  public static final String ORGANIZATION_COLUMN = "organization_id";

  private final DatabaseClient db;

  ChangeLog(DatabaseClient db) {
    this.db = db;
  }

  /**
   * One published event.
   *
   * @param sequence its place in commit order
   * @param id the outbox id, as consumers of Kafka see it ({@code event-id})
   * @param regionCode the event's {@code regionCode} field, if it has one
   * @param organizationId the event's {@code organizationId} field, if it has one
   */
  public record LoggedEvent(
      long sequence,
      long id,
      String type,
      String key,
      String payload,
      Instant occurredAt,
      String regionCode,
      Long organizationId) {}

  /**
   * Up to {@code limit} events numbered after {@code sequence}, of the given types, that satisfy a
   * scope condition on {@link #REGION_COLUMN} and {@link #ORGANIZATION_COLUMN}.
   *
   * @param scope a boolean SQL expression with named parameters
   * @param scopeValues exactly the parameters {@code scope} uses
   */
  public Flux<LoggedEvent> after(
      long sequence,
      Collection<String> types,
      String scope,
      Map<String, Object> scopeValues,
      int limit) {
    GenericExecuteSpec spec =
        db.sql(
                "select seq, id, topic, event_key, payload::text as payload, occurred_at,"
                    + " region_code, organization_id from outbox"
                    + " where seq > :after and topic = any(:types) and ("
                    + scope
                    + ") order by seq limit :limit")
            .bind("after", sequence)
            .bind("types", types.toArray(String[]::new))
            .bind("limit", limit);
    for (Map.Entry<String, Object> value : scopeValues.entrySet()) {
      spec = spec.bind(value.getKey(), value.getValue());
    }
    return spec.map(ChangeLog::event).all();
  }

  /** The number of the latest published event (0 when none is). */
  public Mono<Long> latest() {
    return db.sql("select coalesce(max(seq), 0) as latest from outbox")
        .map(r -> r.get("latest", Long.class))
        .one();
  }

  private static LoggedEvent event(Readable r) {
    return new LoggedEvent(
        r.get("seq", Long.class),
        r.get("id", Long.class),
        r.get("topic", String.class),
        r.get("event_key", String.class),
        r.get("payload", String.class),
        r.get("occurred_at", OffsetDateTime.class).toInstant(),
        r.get("region_code", String.class),
        r.get("organization_id", Long.class));
  }
}
