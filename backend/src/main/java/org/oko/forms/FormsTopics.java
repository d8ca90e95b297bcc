package org.oko.forms;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the forms feature publishes to. */
@Configuration(proxyBeanMethods = false)
class FormsTopics {

  @Bean
  EventTopic formSubmittedTopic() {
    return FormSubmitted.TOPIC;
  }

  @Bean
  EventTopic formReopenedTopic() {
    return FormReopened.TOPIC;
  }
}
