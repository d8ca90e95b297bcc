package org.oko.identity;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A limit of {@link LoginThrottleStore}: {@code attempts} counted within {@code window} (from the
 * first of them) lock the key for {@code firstLockout}; a lock-out that starts less than {@code
 * forgetLockoutsAfter} after the previous one ended lasts twice as long as that one, never longer
 * than {@code longestLockout}.
 */
record LoginLimit(
    int attempts,
    Duration window,
    Duration firstLockout,
    Duration longestLockout,
    Duration forgetLockoutsAfter) {
  LoginLimit {
    // LoginThrottleStore's statement never locks on a window's first attempt.
    if (attempts < 2) {
      throw new IllegalArgumentException("A limit allows at least two attempts");
    }
    // So a lock-out outlasts the window that caused it: a key is either locked or below its
    // limit, never full and unlocked.
    if (firstLockout.compareTo(window) < 0 || longestLockout.compareTo(firstLockout) < 0) {
      throw new IllegalArgumentException("A lock-out is at least as long as the window");
    }
  }

  static LoginLimit fixed(int attempts, Duration window, Duration lockout) {
    return new LoginLimit(attempts, window, lockout, lockout, lockout);
  }

  /** Binds this limit as the {@code i}-th key of a statement of {@link LoginThrottleStore}. */
  DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, int i, String key) {
    return spec.bind("key" + i, key)
        .bind("max" + i, attempts)
        .bind("window" + i, (double) window.toSeconds())
        .bind("first" + i, (double) firstLockout.toSeconds())
        .bind("longest" + i, (double) longestLockout.toSeconds())
        .bind("forget" + i, (double) forgetLockoutsAfter.toSeconds());
  }
}
