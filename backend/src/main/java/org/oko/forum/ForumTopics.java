package org.oko.forum;

import org.oko.platform.events.EventTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the forum publishes to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForumProperties.class)
class ForumTopics {

  @Bean
  EventTopic questionAskedTopic() {
    return QuestionAsked.TOPIC;
  }

  @Bean
  EventTopic questionAnsweredTopic() {
    return QuestionAnswered.TOPIC;
  }
}
