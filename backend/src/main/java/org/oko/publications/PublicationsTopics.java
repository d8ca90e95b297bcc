package org.oko.publications;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the publications feature publishes to. */
@Configuration(proxyBeanMethods = false)
class PublicationsTopics {

  @Bean
  EventTopic publicationPublishedTopic() {
    return PublicationPublished.TOPIC;
  }

  @Bean
  EventTopic publicationReleasedTopic() {
    return PublicationReleased.TOPIC;
  }
}
