package org.oko.notifications;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the notifications feature publishes to. */
@Configuration(proxyBeanMethods = false)
class NotificationsTopics {

  @Bean
  EventTopic notificationsAddedTopic() {
    return NotificationsAdded.TOPIC;
  }
}
