package org.oko.sample;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the sample feature publishes to. */
@Configuration(proxyBeanMethods = false)
class SampleTopics {

  @Bean
  EventTopic samplePublishedTopic() {
    return SamplePublished.TOPIC;
  }
}
