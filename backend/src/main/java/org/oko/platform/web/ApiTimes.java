package org.oko.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the contract's {@code date-time} values: always in UTC, the client shows them. */
public final class ApiTimes {

  private ApiTimes() {}

  /** The instant in UTC; null stays null (an optional time the API leaves out). */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
