package org.oko.results;

/**
 * One sign of doubtful objectivity, decided, with its rule, threshold and the numbers behind it.
 */
record Flag(
    FlagCode code,
    String title,
    boolean raised,
    String rule,
    String threshold,
    String value,
    String source) {}
