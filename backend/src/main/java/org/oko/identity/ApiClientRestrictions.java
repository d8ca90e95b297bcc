package org.oko.identity;

import java.util.Optional;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Holds a regional system to what its administrator allows (issue 23, "Client administration":
 * «restrict to event types and operations, revoke»): a revoked client's tokens stop working (401)
 * and a request of a kind the client may not make is 403, before anything runs. A web filter after
 * security, for API clients only; everyone else passes untouched.
 */
@Component
@Order(-50) // right after security (-100), before any other filter acts for the client
class ApiClientRestrictions implements WebFilter {

  private final ApiClientDirectory clients;

  ApiClientRestrictions(ApiClientDirectory clients) {
    this.clients = clients;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    String path = request.getPath().value();
    if (!path.startsWith("/api/")) {
      return chain.filter(exchange);
    }
    Mono<Optional<Caller>> caller =
        CurrentCaller.get()
            .map(Optional::of)
            // an anonymous request: security answers it as always
            .onErrorResume(
                CurrentCaller.UnauthenticatedException.class, e -> Mono.just(Optional.empty()));
    return caller.flatMap(
        found -> {
          if (found.isEmpty() || found.get().role() != Role.API_CLIENT) {
            return chain.filter(exchange);
          }
          return clients
              .restrictions(found.get().login())
              .flatMap(r -> decide(r, ApiClientAccess.operation(request.getMethod(), path)))
              .then(Mono.defer(() -> chain.filter(exchange)));
        });
  }

  private static Mono<Void> decide(ApiClientDirectory.Restrictions r, String operation) {
    if (r.revoked()) {
      return Mono.error(
          new CurrentCaller.UnauthenticatedException(
              "Клиент отозван администратором: его токены больше не действуют."));
    }
    if (!r.allows(operation)) {
      return Mono.error(
          new AccessDeniedException(
              "Этому клиенту не разрешено: "
                  + describe(operation)
                  + ". Разрешения клиента задаёт администратор региона."));
    }
    return Mono.empty();
  }

  private static String describe(String operation) {
    if (operation == null) {
      return "эта операция";
    }
    return switch (operation) {
      case ApiClientAccess.CHANGES -> "лента изменений";
      case ApiClientAccess.EXPORTS -> "выгрузки";
      case ApiClientAccess.SUBMIT_FORMS -> "отправка форм от имени организаций";
      default -> "чтение данных";
    };
  }
}
