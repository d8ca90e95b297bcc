package org.oko.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The signed-in account's own notifications: read them, count them, mark them read. */
@Service
class NotificationService {

  /** Accounts of people; a regional system (client credentials) has no bell. */
  private static final Set<Role> PEOPLE =
      Set.of(
          Role.FEDERAL,
          Role.REGIONAL,
          Role.MUNICIPAL,
          Role.RESPONSIBLE,
          Role.ORGANIZATION,
          Role.SCANNER,
          Role.EXPERT,
          Role.OBSERVER);

  record Page(List<Notification> items, long total, long unread) {}

  private final NotificationStore store;
  private final Clock clock;

  NotificationService(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Mono<Page> page(Caller caller, boolean unreadOnly, Paging paging) {
    var now = clock.instant();
    return person(caller)
        .flatMap(
            login ->
                Mono.zip(
                        store
                            .page(login, unreadOnly, now, paging.offset(), paging.size())
                            .collectList(),
                        store.count(login, unreadOnly, now),
                        store.count(login, true, now))
                    .map(t -> new Page(t.getT1(), t.getT2(), t.getT3())));
  }

  Mono<Long> unread(Caller caller) {
    return person(caller).flatMap(login -> store.count(login, true, clock.instant()));
  }

  Mono<Long> markRead(Caller caller, long id) {
    var now = clock.instant();
    return person(caller)
        .flatMap(
            login ->
                store
                    .markRead(id, login, now)
                    .filter(found -> found)
                    .switchIfEmpty(Mono.error(() -> notFound(id)))
                    .flatMap(found -> store.count(login, true, now)));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("Уведомление " + id + " не найдено");
  }

  Mono<Long> markAllRead(Caller caller) {
    var now = clock.instant();
    return person(caller)
        .flatMap(login -> store.markAllRead(login, now).then(store.count(login, true, now)));
  }

  private static Mono<String> person(Caller caller) {
    return PEOPLE.contains(caller.role())
        ? Mono.just(caller.login())
        : Mono.error(new AccessDeniedException());
  }
}
