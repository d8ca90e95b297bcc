package org.oko.forum;

/**
 * An attachment: the file, and the question or answer it belongs to (both null until a message
 * names it).
 */
record ForumFile(
    long id,
    String uploaderLogin,
    Long questionId,
    Long answerId,
    String fileName,
    String blobKey,
    long size) {}
