package org.oko.notifications;

import java.time.ZoneOffset;
import org.oko.api.NotificationsApi;
import org.oko.api.model.NotificationKind;
import org.oko.api.model.NotificationPage;
import org.oko.api.model.UnreadNotifications;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The bell's operations, each one {@link NotificationService} call. */
@RestController
class NotificationsController implements NotificationsApi {

  private final NotificationService notifications;

  NotificationsController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public Mono<ResponseEntity<NotificationPage>> listNotifications(
      Boolean unreadOnly, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> notifications.page(caller, Boolean.TRUE.equals(unreadOnly), paging))
        .map(
            p ->
                ResponseEntity.ok(
                    new NotificationPage(
                        paging.page(),
                        paging.size(),
                        p.total(),
                        paging.totalPages(p.total()),
                        p.unread(),
                        p.items().stream().map(NotificationsController::notification).toList())));
  }

  @Override
  public Mono<ResponseEntity<UnreadNotifications>> countUnreadNotifications(
      ServerWebExchange exchange) {
    return CurrentCaller.get().flatMap(notifications::unread).map(NotificationsController::unread);
  }

  @Override
  public Mono<ResponseEntity<UnreadNotifications>> markNotificationRead(
      Long notificationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> notifications.markRead(caller, notificationId))
        .map(NotificationsController::unread);
  }

  @Override
  public Mono<ResponseEntity<UnreadNotifications>> markAllNotificationsRead(
      ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(notifications::markAllRead)
        .map(NotificationsController::unread);
  }

  private static ResponseEntity<UnreadNotifications> unread(long count) {
    return ResponseEntity.ok(new UnreadNotifications(count));
  }

  private static org.oko.api.model.Notification notification(Notification n) {
    return new org.oko.api.model.Notification(
            n.id(),
            NotificationKind.fromValue(n.kind()),
            n.title(),
            n.text(),
            n.createdAt().atOffset(ZoneOffset.UTC),
            n.read())
        .link(n.link());
  }
}
