package org.oko.integration;

import java.time.ZoneOffset;
import java.util.List;
import org.oko.api.IntegrationApi;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.api.model.ChangeType;
import org.oko.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The API for regional systems: each operation one service call. */
@RestController
class IntegrationController implements IntegrationApi {

  private final ChangeFeedService feed;

  IntegrationController(ChangeFeedService feed) {
    this.feed = feed;
  }

  @Override
  public Mono<ResponseEntity<ChangePage>> listChanges(
      String after,
      List<ChangeType> types,
      Integer limit,
      Integer wait,
      ServerWebExchange exchange) {
    List<String> typeNames =
        types == null ? null : types.stream().map(ChangeType::getValue).toList();
    ChangeFeedService.Request request =
        new ChangeFeedService.Request(after, typeNames, limit, wait);
    return CurrentCaller.get()
        .flatMap(caller -> feed.page(caller, request))
        .map(IntegrationController::page)
        .map(ResponseEntity::ok);
  }

  private static ChangePage page(FeedPage page) {
    return new ChangePage(
        page.items().stream().map(IntegrationController::change).toList(),
        page.next(),
        page.hasMore());
  }

  private static Change change(FeedEvent e) {
    return new Change(
            e.id(),
            e.sequence(),
            ChangeType.fromValue(e.type()),
            e.occurredAt().atOffset(ZoneOffset.UTC),
            e.data())
        .regionCode(e.regionCode())
        .organizationId(e.organizationId())
        .resource(e.resource());
  }
}
