package org.oko.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time until a test sets it, then frozen at what the test
 * set (and moved only by the test). {@link ApiTest} puts it back to real time after each test.
 */
public class TestClock extends Clock {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  public void set(Instant instant) {
    fixed.set(instant);
  }

  public void advance(Duration duration) {
    fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
  }

  public void reset() {
    fixed.set(null);
  }

  @Override
  public Instant instant() {
    Instant i = fixed.get();
    return i == null ? Instant.now() : i;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The application's clock is always UTC");
  }
}
