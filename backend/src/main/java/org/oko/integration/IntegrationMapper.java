package org.oko.integration;

import java.util.List;
import org.oko.api.model.Change;
import org.oko.api.model.ChangePage;
import org.oko.api.model.ChangeType;
import org.oko.api.model.WebhookAttemptPage;
import org.oko.platform.web.ApiTimes;

/** The integration records as the contract's types. */
final class IntegrationMapper {

  private IntegrationMapper() {}

  static ChangePage page(FeedPage page) {
    return new ChangePage(
        page.items().stream().map(IntegrationMapper::change).toList(), page.next(), page.hasMore());
  }

  private static Change change(FeedEvent e) {
    return new Change(
            e.id(),
            e.sequence(),
            ChangeType.fromValue(e.type()),
            ApiTimes.utc(e.occurredAt()),
            e.data())
        .regionCode(e.regionCode())
        .organizationId(e.organizationId())
        .resource(e.resource());
  }

  static org.oko.api.model.Webhook webhook(Webhook w) {
    return new org.oko.api.model.Webhook(
            w.id(),
            w.url(),
            w.eventTypes().stream().map(ChangeType::fromValue).toList(),
            org.oko.api.model.Webhook.StatusEnum.fromValue(w.status()),
            w.createdBy(),
            ApiTimes.utc(w.createdAt()))
        .description(w.description())
        .regionCode(w.regionCode())
        .failingReason(w.failingReason())
        .failingSince(w.failingSince() == null ? null : ApiTimes.utc(w.failingSince()));
  }

  static WebhookAttemptPage attempts(List<WebhookAttempt> attempts, int limit) {
    WebhookAttemptPage page =
        new WebhookAttemptPage(attempts.stream().map(IntegrationMapper::attempt).toList());
    return attempts.size() < limit ? page : page.next(attempts.get(attempts.size() - 1).id());
  }

  private static org.oko.api.model.WebhookAttempt attempt(WebhookAttempt a) {
    return new org.oko.api.model.WebhookAttempt(
            a.id(),
            Long.toString(a.eventId()),
            ChangeType.fromValue(a.eventType()),
            ApiTimes.utc(a.attemptedAt()),
            org.oko.api.model.WebhookAttempt.DeliveryStatusEnum.fromValue(a.deliveryStatus()),
            a.latencyMs())
        .responseStatus(a.responseStatus())
        .responseExcerpt(a.responseExcerpt())
        .error(a.error());
  }
}
