package org.oko.platform.web;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Failures that are not the request's fault nor a bug, but a resource gone for a while: the
 * database restarting (the client should retry shortly) or the file store full (nothing was
 * stored). Told apart here, once, so that every route answers them alike.
 */
final class Outages {

  /** What a client is told to wait before retrying while the database is away. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private Outages() {}

  /** The database cannot be reached, is shutting down or starting up, or dropped the connection. */
  static boolean databaseUnavailable(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof DataAccessResourceFailureException
          || e instanceof TransientDataAccessResourceException
          || e instanceof R2dbcNonTransientResourceException
          || e instanceof R2dbcTransientResourceException
          || e instanceof ConnectException
          || e.getClass().getName().equals("reactor.pool.PoolAcquireTimeoutException")) {
        return true;
      }
      // 08: connection exceptions; 57P0x: admin or crash shutdown, "cannot connect now".
      if (e instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
        String state = r2dbc.getSqlState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }

  /** A write to the file store failed for want of space (ENOSPC, or the quota EDQUOT). */
  static boolean storageFull(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      String reason =
          e instanceof FileSystemException fs && fs.getReason() != null
              ? fs.getReason()
              : e instanceof java.io.IOException ? e.getMessage() : null;
      if (reason != null
          && (reason.contains("No space left on device") || reason.contains("Disk quota"))) {
        return true;
      }
    }
    return false;
  }
}
