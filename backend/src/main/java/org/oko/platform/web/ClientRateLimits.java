package org.oko.platform.web;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits per regional system (issue 23, "Conventions every integrator expects"): each API
 * client has a token bucket of {@link ClientRateLimitProperties#burst} requests refilled at {@link
 * ClientRateLimitProperties#perSecond}; every answer to it carries {@code RateLimit-Limit}, {@code
 * RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is full), and a
 * request over the limit is {@code 429} with {@code Retry-After} and a Russian problem document,
 * before anything runs. People are not limited here (their sign-in is, by the lock-outs).
 *
 * <p>The buckets live in each server instance: with N instances behind the balancer a client may
 * make up to N times the figures. That is documented in openapi.yaml; a shared limit would need a
 * shared store, and a home-made one is not worth its failure modes for a guard against runaway
 * loops.
 */
@Component
@Order(0) // after Spring Security's chain (-100), so the caller is known
class ClientRateLimits implements WebFilter {

  private final ClientRateLimitProperties limits;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  ClientRateLimits(ClientRateLimitProperties limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    return client()
        .flatMap(
            client -> {
              if (client.isEmpty()) {
                return chain.filter(exchange);
              }
              Bucket bucket =
                  buckets.computeIfAbsent(client.get(), c -> new Bucket(limits.burst()));
              Bucket.Taken taken = bucket.take(clock.millis(), limits);
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("RateLimit-Limit", Integer.toString(limits.burst()));
              headers.set("RateLimit-Remaining", Long.toString(taken.remaining()));
              headers.set("RateLimit-Reset", Long.toString(taken.secondsUntilFull()));
              if (!taken.allowed()) {
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(taken.retryAfterSeconds()));
                return Mono.error(
                    new TooManyRequestsException(
                        "Слишком много запросов от системы «"
                            + client.get()
                            + "»: допускается "
                            + limits.burst()
                            + " "
                            + RussianPlural.of(limits.burst(), "запрос", "запроса", "запросов")
                            + " подряд и "
                            + perSecond()
                            + " в секунду. Повторите через "
                            + taken.retryAfterSeconds()
                            + " с.",
                        taken.retryAfterSeconds()));
              }
              return chain.filter(exchange);
            });
  }

  private String perSecond() {
    double rate = limits.perSecond();
    return rate == Math.rint(rate)
        ? Long.toString((long) rate)
        : Double.toString(rate).replace('.', ',');
  }

  /** The API client's id, or empty for a person or an anonymous request. */
  private static Mono<Optional<String>> client() {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(context -> context.getAuthentication())
        .map(authentication -> authentication.getPrincipal())
        .filter(Jwt.class::isInstance)
        .map(principal -> CurrentCaller.of((Jwt) principal))
        .filter(caller -> caller.role() == Role.API_CLIENT)
        .map(Caller::login)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /** One client's tokens, refilled by the time passed since the last request. */
  static final class Bucket {

    record Taken(boolean allowed, long remaining, long secondsUntilFull, long retryAfterSeconds) {}

    private double tokens;
    private long lastMillis = -1;

    Bucket(int burst) {
      this.tokens = burst;
    }

    synchronized Taken take(long nowMillis, ClientRateLimitProperties limits) {
      if (lastMillis >= 0 && nowMillis > lastMillis) {
        tokens =
            Math.min(
                limits.burst(), tokens + (nowMillis - lastMillis) / 1000.0 * limits.perSecond());
      }
      // a clock set back (tests) refills nothing and restarts from now
      lastMillis = nowMillis;
      boolean allowed = tokens >= 1;
      if (allowed) {
        tokens -= 1;
      }
      long untilFull = (long) Math.ceil((limits.burst() - tokens) / limits.perSecond());
      long retryAfter = allowed ? 0 : (long) Math.ceil((1 - tokens) / limits.perSecond());
      return new Taken(allowed, (long) Math.floor(tokens), untilFull, Math.max(1, retryAfter));
    }
  }
}
