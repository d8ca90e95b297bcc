package org.oko.platform.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock that decides deadlines and release times. Features take {@link Clock} by injection
 * and never call {@code Instant.now()} for a decision, so tests can move time to the edge of a
 * stage or to a release.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
