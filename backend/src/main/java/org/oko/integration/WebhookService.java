package org.oko.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oko.platform.audit.AuditLog;
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

  private final WebhookStore store;
  private final WebhooksProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  WebhookService(WebhookStore store, WebhooksProperties properties, AuditLog audit, Clock clock) {
    this.store = store;
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

  Mono<Long> redeliver(Caller caller, long id, String eventId) {
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
