package org.oko.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.oko.orgs.OrganizationRef;

/**
 * An organization's test days within the federal conduct period, as local dates of its region.
 *
 * @param from the federal conduct period's first local date
 * @param to its last local date
 * @param chosenBy null while nothing was chosen
 */
record ChosenDays(
    OrganizationRef organization,
    ZoneId zone,
    LocalDate from,
    LocalDate to,
    List<Day> days,
    String chosenBy,
    Instant chosenAt) {

  /** One subject's day; {@code subjectName} is filled on the way out. */
  record Day(String subjectKey, String subjectName, LocalDate date) {}
}
