package org.oko.scoring;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the scoring feature publishes to. */
@Configuration(proxyBeanMethods = false)
class ScoringTopics {

  @Bean
  EventTopic workScoredTopic() {
    return WorkScored.TOPIC;
  }

  @Bean
  EventTopic expertDecidedTopic() {
    return ExpertDecided.TOPIC;
  }
}
