package org.oko.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * A background export (its file once done).
 *
 * @param owner the login or client id that started it: only it sees the job
 * @param source the export's address, path and query
 * @param status {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param error why it failed, in Russian
 */
record BackgroundExport(
    UUID id,
    String owner,
    String source,
    String status,
    String fileName,
    String contentType,
    String blobKey,
    Long size,
    String sha256,
    String error,
    Instant createdAt,
    Instant finishedAt,
    Instant expiresAt) {

  boolean done() {
    return "DONE".equals(status);
  }
}
