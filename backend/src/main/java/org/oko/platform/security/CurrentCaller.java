package org.oko.platform.security;

import java.util.function.BiFunction;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** The caller of the request being handled. */
public final class CurrentCaller {

  private CurrentCaller() {}

  /** Errors (401) if the request is anonymous, which security config prevents on /api. */
  public static Mono<Caller> get() {
    return ReactiveSecurityContextHolder.getContext()
        .map(context -> context.getAuthentication().getPrincipal())
        .filter(Jwt.class::isInstance)
        .map(principal -> fromClaims((Jwt) principal))
        .switchIfEmpty(Mono.error(() -> new UnauthenticatedException()));
  }

  /** The caller if its role is one of {@code allowed}; otherwise 403 for the whole operation. */
  public static Mono<Caller> withRole(Role... allowed) {
    var roles = java.util.EnumSet.copyOf(java.util.Arrays.asList(allowed));
    return get()
        .flatMap(
            caller ->
                roles.contains(caller.role())
                    ? Mono.just(caller)
                    : Mono.error(new AccessDeniedException()));
  }

  /**
   * The caller and the request's body, handed together to one call: what a controller's operation
   * with a body does (401 as {@link #get}).
   */
  public static <T, R> Mono<R> withBody(Mono<T> body, BiFunction<Caller, T, Mono<R>> call) {
    return get().zipWith(body).flatMap(in -> call.apply(in.getT1(), in.getT2()));
  }

  /** As {@link #withBody(Mono, BiFunction)}, for a caller with one of the {@code allowed} roles. */
  public static <T, R> Mono<R> withBody(
      Role[] allowed, Mono<T> body, BiFunction<Caller, T, Mono<R>> call) {
    return withRole(allowed).zipWith(body).flatMap(in -> call.apply(in.getT1(), in.getT2()));
  }

  /**
   * The caller an access token (already verified) stands for, as the resource server maps it; for
   * channels that receive the token other than in the {@code Authorization} header (a WebSocket's
   * first message).
   */
  public static Caller of(Jwt jwt) {
    return fromClaims(jwt);
  }

  static Caller fromClaims(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        jwt.getClaimAsString(Caller.NAME_CLAIM),
        Role.valueOf(jwt.getClaimAsString(Caller.ROLE_CLAIM)),
        jwt.getClaimAsString(Caller.REGION_CLAIM),
        asLong(jwt.getClaim(Caller.MUNICIPALITY_CLAIM)),
        asLong(jwt.getClaim(Caller.ORGANIZATION_CLAIM)));
  }

  private static Long asLong(Object claim) {
    return claim instanceof Number n ? n.longValue() : null;
  }

  /** No authenticated caller where one is required. */
  public static class UnauthenticatedException extends RuntimeException {
    UnauthenticatedException() {
      super("Требуется вход в систему");
    }

    /** A token that is valid but no longer honoured (a revoked API client's), and why. */
    public UnauthenticatedException(String message) {
      super(message);
    }
  }
}
