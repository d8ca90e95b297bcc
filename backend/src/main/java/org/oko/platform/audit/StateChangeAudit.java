package org.oko.platform.audit;

import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every state-changing API request (anything but GET/HEAD/OPTIONS under /api) with who made
 * it and how it ended. It names the method and path only — never the body, which may hold personal
 * data or secrets.
 *
 * <p>Questionnaire participants are left out: tens of thousands of anonymous kit logins autosave
 * every few seconds, which would bury the staff actions the log exists for (and cost a write per
 * keystroke burst). Their sign-ins are still audited, and the session row itself records when the
 * questionnaire was saved and submitted.
 */
@Component
class StateChangeAudit implements WebFilter {

  private final AuditLog audit;

  StateChangeAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    HttpMethod method = request.getMethod();
    boolean changesState =
        request.getPath().value().startsWith("/api/")
            && method != HttpMethod.GET
            && method != HttpMethod.HEAD
            && method != HttpMethod.OPTIONS;
    if (!changesState) {
      return chain.filter(exchange);
    }
    return chain
        .filter(exchange)
        .then(Mono.defer(() -> record(exchange, null)))
        .onErrorResume(error -> record(exchange, error).then(Mono.error(error)));
  }

  private Mono<Void> record(ServerWebExchange exchange, Throwable error) {
    var request = exchange.getRequest();
    var status = exchange.getResponse().getStatusCode();
    String outcome =
        error != null ? "error: " + error.getClass().getSimpleName() : String.valueOf(status);
    String address =
        request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null
            ? "unknown"
            : request.getRemoteAddress().getAddress().getHostAddress();
    return CurrentCaller.get()
        .filter(caller -> caller.role() != Role.PARTICIPANT)
        .flatMap(
            caller ->
                audit.record(
                    new AuditLog.Entry(
                        caller.login(),
                        caller.role().name(),
                        caller.regionCode(),
                        request.getMethod().name() + " " + request.getPath().value(),
                        null,
                        outcome,
                        address)))
        .onErrorResume(CurrentCaller.UnauthenticatedException.class, e -> Mono.empty());
  }
}
