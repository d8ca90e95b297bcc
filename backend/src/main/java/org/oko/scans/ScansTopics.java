package org.oko.scans;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the scans feature publishes to. */
@Configuration(proxyBeanMethods = false)
class ScansTopics {

  @Bean
  EventTopic sheetStatusChangedTopic() {
    return SheetStatusChanged.TOPIC;
  }
}
