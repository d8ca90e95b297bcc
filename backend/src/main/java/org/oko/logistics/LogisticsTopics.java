package org.oko.logistics;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the logistics feature publishes to. */
@Configuration(proxyBeanMethods = false)
class LogisticsTopics {

  @Bean
  EventTopic packetAcceptedTopic() {
    return PacketAccepted.TOPIC;
  }
}
