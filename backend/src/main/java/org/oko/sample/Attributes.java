package org.oko.sample;

import java.util.List;

/**
 * What the preliminary list and the verification form record about an organization, in the
 * database's terms ({@code CITY}, {@code PRIMARY}); Russian words only at the edges.
 */
record Attributes(
    int participants,
    String institutionType,
    String settlementType,
    List<String> educationLevels,
    List<String> subjects) {}
