package org.oko.campaigns;

import org.oko.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the campaigns feature publishes to. */
@Configuration(proxyBeanMethods = false)
class CampaignsTopics {

  @Bean
  EventTopic scheduleChangedTopic() {
    return ScheduleChanged.TOPIC;
  }

  @Bean
  EventTopic stageExtendedTopic() {
    return StageExtended.TOPIC;
  }

  @Bean
  EventTopic regionalWindowsChangedTopic() {
    return RegionalWindowsChanged.TOPIC;
  }

  @Bean
  EventTopic testDaysChosenTopic() {
    return TestDaysChosen.TOPIC;
  }
}
