package org.oko.identity;

import org.oko.api.IdentityApi;
import org.oko.api.model.Me;
import org.oko.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class IdentityController implements IdentityApi {

  @Override
  public Mono<ResponseEntity<Me>> getMe(ServerWebExchange exchange) {
    return CurrentCaller.get()
        .map(
            caller -> {
              Me me =
                  new Me(
                      caller.login(),
                      caller.displayName() == null ? caller.login() : caller.displayName(),
                      org.oko.api.model.Role.fromValue(caller.role().name()));
              me.setRegionCode(caller.regionCode());
              me.setMunicipalityId(caller.municipalityId());
              me.setOrganizationId(caller.organizationId());
              return ResponseEntity.ok(me);
            });
  }
}
