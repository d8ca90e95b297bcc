package org.oko.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.oko.identity.ApiClientDirectory;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.events.ChangeLog;
import org.oko.platform.events.ChangeLog.LoggedEvent;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the change feed: the caller's scope's published events after a cursor, in commit order,
 * optionally holding an empty page open (long poll) by re-reading on a timer, which holds no thread
 * between reads.
 */
@Service
class ChangeFeedService {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_WAIT_SECONDS = 60;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ChangeLog log;
  private final CursorKeyStore keys;
  private final JsonMapper json;
  private final ApiClientDirectory clients;

  ChangeFeedService(
      ChangeLog log, CursorKeyStore keys, JsonMapper json, ApiClientDirectory clients) {
    this.log = log;
    this.keys = keys;
    this.json = json;
    this.clients = clients;
  }

  /** A request for a page: the cursor (null at the start), the types (null for all). */
  record Request(String after, List<String> types, Integer limit, Integer waitSeconds) {}

  Mono<FeedPage> page(Caller caller, Request request) {
    if (caller.role() != Role.API_CLIENT) {
      return page(caller, request, null);
    }
    // a regional system reads only the event types its administrator allowed it
    return clients.restrictions(caller.login()).flatMap(r -> page(caller, request, r.eventTypes()));
  }

  private Mono<FeedPage> page(Caller caller, Request request, List<String> allowed) {
    if (allowed != null && request.types() != null) {
      List<String> refused = request.types().stream().filter(t -> !allowed.contains(t)).toList();
      if (!refused.isEmpty()) {
        return Mono.error(
            new AccessDeniedException(
                "Этому клиенту не разрешены события: "
                    + String.join(", ", refused)
                    + ". Разрешены: "
                    + String.join(", ", allowed)
                    + "."));
      }
    }
    Visibility visibility = regionWide(caller);
    String scope = visibility.everything() ? CursorRules.EVERYWHERE : visibility.regionCode();
    List<String> types =
        request.types() == null || request.types().isEmpty()
            ? (allowed == null ? ChangeCatalog.types() : allowed)
            : request.types();
    int limit = within("limit", request.limit(), DEFAULT_LIMIT, 1, MAX_LIMIT);
    int waitSeconds = within("wait", request.waitSeconds(), 0, 0, MAX_WAIT_SECONDS);
    ScopeCondition condition =
        visibility.condition(
            new ScopeCondition.Columns(
                ChangeLog.REGION_COLUMN, "null", ChangeLog.ORGANIZATION_COLUMN));
    return keys.key()
        .flatMap(
            key -> {
              long after =
                  request.after() == null ? 0 : CursorRules.decode(key, scope, request.after());
              long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
              return read(after, types, condition, limit, deadline)
                  .map(events -> page(key, scope, after, events, limit));
            });
  }

  private static int within(String field, Integer value, int absent, int min, int max) {
    if (value == null) {
      return absent;
    }
    if (value < min || value > max) {
      throw new InvalidRequestException(
          field, "Допустимо значение от " + min + " до " + max + ", передано " + value + ".");
    }
    return value;
  }

  /**
   * The change feed is for whole regions (their systems and coordinators) and the country: the
   * events carry a region and an organization, not a municipality, so narrower scopes get 403.
   */
  private static Visibility regionWide(Caller caller) {
    if (caller.role() != Role.FEDERAL
        && caller.role() != Role.REGIONAL
        && caller.role() != Role.API_CLIENT) {
      throw new AccessDeniedException();
    }
    return Visibility.of(caller);
  }

  private Mono<List<LoggedEvent>> read(
      long after, List<String> types, ScopeCondition condition, int limit, long deadline) {
    return log.after(after, types, condition.sql(), condition.values(), limit + 1)
        .collectList()
        .flatMap(
            events ->
                events.isEmpty() && System.nanoTime() < deadline
                    ? Mono.delay(POLL_INTERVAL)
                        .then(Mono.defer(() -> read(after, types, condition, limit, deadline)))
                    : Mono.just(events));
  }

  private FeedPage page(byte[] key, String scope, long after, List<LoggedEvent> read, int limit) {
    boolean hasMore = read.size() > limit;
    List<LoggedEvent> events = hasMore ? read.subList(0, limit) : read;
    long last = events.isEmpty() ? after : events.get(events.size() - 1).sequence();
    return new FeedPage(
        events.stream().map(this::event).toList(), CursorRules.encode(key, scope, last), hasMore);
  }

  private FeedEvent event(LoggedEvent e) {
    Map<String, Object> data = json.readValue(e.payload(), MAP);
    return new FeedEvent(
        Long.toString(e.id()),
        e.sequence(),
        e.type(),
        e.occurredAt(),
        e.regionCode(),
        e.organizationId(),
        ChangeCatalog.resource(e.type(), data),
        data);
  }
}
