package org.oko.forum;

/** A section of a forum, with the questions its reader sees. */
record Section(
    long id,
    Long campaignId,
    String title,
    boolean delegated,
    int position,
    long questions,
    long openQuestions) {}
