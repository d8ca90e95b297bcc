package org.oko.notifications;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics the notifications feature publishes to (and one it consumes before its owner declares
 * it).
 */
@Configuration(proxyBeanMethods = false)
class NotificationsTopics {

  @Bean
  EventTopic notificationsAddedTopic() {
    return NotificationsAdded.TOPIC;
  }

  /**
   * Consumed, published by results once it announces releases; declared here too so that the
   * subscription finds the topic before results has published anything.
   */
  @Bean
  EventTopic reportReleasedTopic() {
    return new EventTopic(ReportReleased.TOPIC);
  }
}
