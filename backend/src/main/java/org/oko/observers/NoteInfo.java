package org.oko.observers;

import java.time.Instant;
import java.util.List;

/** An observer's note on a violation, with its photos or scans. */
record NoteInfo(
    long id,
    long assignmentId,
    Instant occurredAt,
    String room,
    String what,
    String text,
    Instant createdAt,
    List<FileInfo> files) {}
