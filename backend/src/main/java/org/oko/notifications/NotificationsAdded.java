package org.oko.notifications;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: the notifications of one subject were stored (for one account or forty thousand). Every
 * instance tells the accounts connected to it their new unread count.
 */
public record NotificationsAdded(String subject, Instant visibleAt, long recipients) {

  public static final EventTopic TOPIC = new EventTopic("notifications.NotificationsAdded");
}
