package org.oko.results;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the results feature publishes to. */
@Configuration(proxyBeanMethods = false)
class ResultsTopics {

  @Bean
  EventTopic reportReleasedTopic() {
    return ReportReleased.TOPIC;
  }
}
