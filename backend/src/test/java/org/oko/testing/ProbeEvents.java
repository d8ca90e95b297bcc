package org.oko.testing;

import org.oko.platform.events.EventTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A topic only the tests publish to, so the outbox and its relay are tested on their own and not
 * through a feature's event (whose consumers would read the probes). Created at start-up like every
 * {@link EventTopic} bean.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProbeEvents {

  public static final EventTopic TOPIC = new EventTopic("testing.ProbeRecorded");

  /** What a probe carries: the key it was appended under and the row it went with. */
  public record ProbeRecorded(String key, Long organizationId, String regionCode) {}

  @Bean
  EventTopic probeRecordedTopic() {
    return TOPIC;
  }
}
