package org.oko.observers;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the observers feature publishes to. */
@Configuration(proxyBeanMethods = false)
class ObserversTopics {

  @Bean
  EventTopic observerAssignedTopic() {
    return ObserverAssigned.TOPIC;
  }

  @Bean
  EventTopic observerPresenceMarkedTopic() {
    return ObserverPresenceMarked.TOPIC;
  }

  @Bean
  EventTopic observerActSubmittedTopic() {
    return ObserverActSubmitted.TOPIC;
  }

  @Bean
  EventTopic observerViolationsHandedOverTopic() {
    return ObserverViolationsHandedOver.TOPIC;
  }
}
