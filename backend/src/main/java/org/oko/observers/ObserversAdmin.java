package org.oko.observers;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Observers for the demo, written as the observers' own use cases would leave them (the demo loader
 * calls it on an empty database, in its transaction). The observer account {@code login} must exist
 * already. The work (rows and events) is {@link ObserversDemoService}'s.
 */
@Component
public class ObserversAdmin {

  private final ObserversDemoService demo;

  ObserversAdmin(ObserversDemoService demo) {
    this.demo = demo;
  }

  /**
   * In the campaign: candidates proposed by {@code edu640001} (two, waiting for region 64) and by
   * {@code edu640021} (three: two accepted by its municipality, one waiting); an independent
   * observer appointed by region 64 (working at edu640001); the observer {@code login} — one of the
   * accepted — assigned to edu640022 yesterday (present, a note, an act with a violation and its
   * scan, marked with violations by the municipality) and to edu640021 today (not yet present);
   * further assignments on {@code conductDay}.
   */
  public Mono<Void> seedDemo(long campaignId, String login, LocalDate conductDay, Instant now) {
    return demo.seedDemo(campaignId, login, conductDay, now);
  }
}
