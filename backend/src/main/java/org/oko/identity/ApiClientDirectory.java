package org.oko.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a regional system's client may do now (issue 23, "Client administration"): whether it was
 * revoked, which change-feed events it may read and which operations it may call. Read for every
 * request of a client, so each answer is kept for a few seconds: a revocation or a new restriction
 * takes effect within {@link #FRESH} on every instance.
 */
@Component
public class ApiClientDirectory {

  static final Duration FRESH = Duration.ofSeconds(5);

  /**
   * A client's restrictions.
   *
   * @param eventTypes the event types it may read; null for every one
   * @param operations the operations it may call ({@code changes}, {@code exports}, {@code
   *     submit-forms}, {@code read}); null for every one
   */
  public record Restrictions(boolean revoked, List<String> eventTypes, List<String> operations) {

    /** Whether it may call an operation of this kind (null: none of the named kinds). */
    public boolean allows(String operation) {
      return !revoked
          && (operations == null || (operation != null && operations.contains(operation)));
    }
  }

  private record Kept(Restrictions restrictions, Instant at) {}

  private static final Restrictions UNKNOWN = new Restrictions(true, List.of(), List.of());

  private final ApiClientStore clients;
  private final Clock clock;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  ApiClientDirectory(ApiClientStore clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** The client's restrictions; an unknown client counts as revoked. */
  public Mono<Restrictions> restrictions(String clientId) {
    Instant now = clock.instant();
    Kept k = kept.get(clientId);
    if (k != null && k.at().plus(FRESH).isAfter(now) && !k.at().isAfter(now)) {
      return Mono.just(k.restrictions());
    }
    return clients
        .find(clientId)
        .map(c -> new Restrictions(c.revoked(), c.eventTypes(), c.operations()))
        .defaultIfEmpty(UNKNOWN)
        .doOnNext(
            r -> {
              if (kept.size() > 10_000) {
                kept.clear();
              }
              kept.put(clientId, new Kept(r, now));
            });
  }

  /** Forgets what is kept of a client (its administrator changed it on this instance). */
  void forget(String clientId) {
    kept.remove(clientId);
  }
}
