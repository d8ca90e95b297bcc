package org.oko.observers;

import java.time.Instant;

/** A photo of a note or the scan of an act, kept in the blob store. */
record FileInfo(
    long id,
    long assignmentId,
    Long noteId,
    Long actId,
    String blobKey,
    String fileName,
    String contentType,
    long size,
    Instant uploadedAt) {}
