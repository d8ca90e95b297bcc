package org.oko.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.events.ChangeLog;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Webhook endpoints of a region's administrator (its region's events) and of the federal organizer
 * (every region's): registration with a secret shown once, rotation with an overlap, removal, the
 * delivery log and redelivery. Another owner's endpoint answers 404.
 */
@Service
@EnableConfigurationProperties(WebhooksProperties.class)
class WebhookService {

  static final int MAX_ATTEMPTS_PAGE = 500;
  static final int REDELIVERY_PAGE = 1000;
  static final int REDELIVERY_LIMIT = 100_000;

  private final WebhookStore store;
  private final ChangeLog log;
  private final CursorKeyStore keys;
  private final WebhooksProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  WebhookService(
      WebhookStore store,
      ChangeLog log,
      CursorKeyStore keys,
      WebhooksProperties properties,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.log = log;
    this.keys = keys;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  record Created(Webhook webhook, String secret) {}

  record Rotated(String secret, Instant previousValidUntil) {}

  Mono<Created> create(Caller caller, String url, List<String> types, String description) {
    String owner = owner(caller);
    String secret = SignatureRules.newSecret();
    return Mono.fromCallable(() -> TargetRules.check(url, properties).toString())
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            target ->
                store.insert(
                    owner, target, description, List.copyOf(types), secret, caller.login()))
        .flatMap(
            w ->
                audit(caller, "webhook.created", w.id(), w.url())
                    .thenReturn(new Created(w, secret)));
  }

  Mono<List<Webhook>> list(Caller caller) {
    return store.ofOwner(owner(caller)).collectList();
  }

  Mono<Void> delete(Caller caller, long id) {
    return own(caller, id)
        .flatMap(w -> store.disable(w.id()))
        .then(audit(caller, "webhook.deleted", id, null));
  }

  Mono<Rotated> rotate(Caller caller, long id) {
    String secret = SignatureRules.newSecret();
    Instant until = clock.instant().plus(properties.secretOverlap());
    return own(caller, id)
        .flatMap(w -> store.rotate(w.id(), secret, until))
        .then(audit(caller, "webhook.secret-rotated", id, null))
        .thenReturn(new Rotated(secret, until));
  }

  Mono<List<WebhookAttempt>> attempts(Caller caller, long id, Long before, Integer limit) {
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > MAX_ATTEMPTS_PAGE) {
      throw new InvalidRequestException(
          "limit", "Допустимо значение от 1 до " + MAX_ATTEMPTS_PAGE + ", передано " + n + ".");
    }
    return own(caller, id).flatMap(w -> store.attempts(w.id(), before, n).collectList());
  }

  /** What a redelivery scheduled, and where to go on when it stopped at its limit. */
  record Redelivery(long scheduled, String next) {}

  /**
   * One event again ({@code eventId}) or every event since a change-feed cursor ({@code after}).
   */
  Mono<Redelivery> redeliver(Caller caller, long id, String eventId, String after) {
    if ((eventId == null) == (after == null)) {
      throw new InvalidRequestException(
          eventId == null ? "eventId" : "after",
          "Укажите либо eventId (одно событие), либо after (курсор ленты изменений: все события"
              + " после него), но не оба сразу.");
    }
    if (eventId != null) {
      return redeliverOne(caller, id, eventId).map(n -> new Redelivery(n, null));
    }
    return own(caller, id)
        .flatMap(w -> since(w, after))
        .flatMap(
            done ->
                audit(caller, "webhook.redelivered", id, "после курсора: " + done.scheduled())
                    .thenReturn(done));
  }

  /**
   * Every event after the cursor (up to the feed's head as it was at the start) that the endpoint
   * was sent, a page at a time; {@code next} when the limit stopped it first.
   */
  private Mono<Redelivery> since(Webhook endpoint, String after) {
    String scope = endpoint.regionCode() == null ? CursorRules.EVERYWHERE : endpoint.regionCode();
    ScopeCondition condition =
        new Visibility(endpoint.regionCode(), null, false, null)
            .condition(
                new ScopeCondition.Columns(
                    ChangeLog.REGION_COLUMN, "null", ChangeLog.ORGANIZATION_COLUMN));
    return keys.key()
        .flatMap(
            key -> {
              long from = CursorRules.decode(key, scope, after);
              Pages pages = new Pages(endpoint, condition, key, scope);
              return log.latest().flatMap(head -> pages.from(from, head, 0, 0));
            });
  }

  /** The redelivery of one endpoint since a cursor, page by page. */
  private final class Pages {
    private final Webhook endpoint;
    private final ScopeCondition condition;
    private final byte[] key;
    private final String scope;

    Pages(Webhook endpoint, ScopeCondition condition, byte[] key, String scope) {
      this.endpoint = endpoint;
      this.condition = condition;
      this.key = key;
      this.scope = scope;
    }

    Mono<Redelivery> from(long after, long head, long scheduled, int read) {
      return log.after(
              after, endpoint.eventTypes(), condition.sql(), condition.values(), REDELIVERY_PAGE)
          .filter(e -> e.sequence() <= head)
          .collectList()
          .flatMap(
              events -> events.isEmpty() ? done(scheduled) : page(events, head, scheduled, read));
    }

    private Mono<Redelivery> page(
        List<ChangeLog.LoggedEvent> events, long head, long scheduled, int read) {
      long last = events.get(events.size() - 1).sequence();
      List<Long> ids = events.stream().map(ChangeLog.LoggedEvent::id).toList();
      int total = read + events.size();
      return store
          .redeliverAll(endpoint.id(), ids)
          .flatMap(n -> next(events.size(), last, head, scheduled + n, total));
    }

    private Mono<Redelivery> next(int size, long last, long head, long scheduled, int total) {
      if (size < REDELIVERY_PAGE || last >= head) {
        return done(scheduled);
      }
      if (total >= REDELIVERY_LIMIT) {
        return Mono.just(new Redelivery(scheduled, CursorRules.encode(key, scope, last)));
      }
      return from(last, head, scheduled, total);
    }

    private static Mono<Redelivery> done(long scheduled) {
      return Mono.just(new Redelivery(scheduled, null));
    }
  }

  private Mono<Long> redeliverOne(Caller caller, long id, String eventId) {
    long event;
    try {
      event = Long.parseLong(eventId);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          "eventId", "Идентификатор события — число из ленты изменений.");
    }
    return own(caller, id)
        .flatMap(w -> store.redeliver(w.id(), event))
        .flatMap(
            n ->
                n == 0
                    ? Mono.error(
                        new NotFoundException(
                            "Событие " + eventId + " этой точке приёма не отправлялось."))
                    : audit(caller, "webhook.redelivered", id, eventId).thenReturn(n));
  }

  private Mono<Void> audit(Caller caller, String action, Object id, String detail) {
    String target = "вебхук " + id + (detail == null ? "" : ": " + detail);
    return audit.record(
        new AuditLog.Entry(
            caller.login(),
            caller.role().name(),
            caller.regionCode(),
            action,
            target,
            "success",
            null));
  }

  private Mono<Webhook> own(Caller caller, long id) {
    String owner = owner(caller);
    return store
        .find(id)
        .filter(w -> java.util.Objects.equals(w.regionCode(), owner))
        .switchIfEmpty(Mono.error(new NotFoundException("Точка приёма вебхуков не найдена.")));
  }

  /** Whose endpoints the caller manages: its region's, or (null) the federal organizer's own. */
  private static String owner(Caller caller) {
    if (caller.role() == Role.FEDERAL) {
      return null;
    }
    if (caller.role() == Role.REGIONAL) {
      return caller.regionCode();
    }
    throw new AccessDeniedException();
  }
}
