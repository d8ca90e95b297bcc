package org.oko.live;

import java.time.ZoneOffset;
import org.oko.api.LiveApi;
import org.oko.api.model.LiveTicket;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class LiveController implements LiveApi {

  private final LiveTicketService tickets;

  LiveController(LiveTicketService tickets) {
    this.tickets = tickets;
  }

  @Override
  public Mono<ResponseEntity<LiveTicket>> issueLiveTicket(ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL, Role.SCANNER)
        .flatMap(tickets::issue)
        .map(
            issued ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .cacheControl(CacheControl.noStore())
                    .body(
                        new LiveTicket(
                            issued.ticket(), issued.expiresAt().atOffset(ZoneOffset.UTC))));
  }
}
