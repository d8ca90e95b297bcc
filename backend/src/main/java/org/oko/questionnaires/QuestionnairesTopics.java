package org.oko.questionnaires;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the questionnaires feature publishes to. */
@Configuration(proxyBeanMethods = false)
class QuestionnairesTopics {

  @Bean
  EventTopic questionnaireSubmittedTopic() {
    return QuestionnaireSubmitted.TOPIC;
  }
}
