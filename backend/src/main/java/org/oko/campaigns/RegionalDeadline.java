package org.oko.campaigns;

import java.time.Instant;

/**
 * A region's own deadline for a stage, from the roadmap approved by its ministry (seed {@code
 * 003_c72cd2feee1a719e.txt} 11.1/11.3/11.4/12: «в сроки, указанные в дорожной карте»): inside the
 * federal window, it closes the stage early for the region's municipalities and organizations.
 *
 * @param title what the roadmap asks to be done by then, as the region wrote it
 */
public record RegionalDeadline(Stage stage, String title, Instant dueAt) {}
