package org.oko.orgs;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the orgs feature publishes to. */
@Configuration(proxyBeanMethods = false)
class OrgsTopics {

  @Bean
  EventTopic organizationRegisteredTopic() {
    return OrganizationRegistered.TOPIC;
  }
}
