package org.oko.sample;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the sample feature publishes to. */
@Configuration(proxyBeanMethods = false)
class SampleTopics {

  @Bean
  EventTopic preliminaryListSubmittedTopic() {
    return PreliminaryListSubmitted.TOPIC;
  }

  @Bean
  EventTopic samplePublishedTopic() {
    return SamplePublished.TOPIC;
  }

  @Bean
  EventTopic verificationConfirmedTopic() {
    return VerificationConfirmed.TOPIC;
  }
}
