package org.oko.results;

import java.time.Instant;
import java.util.List;

/** What the report use cases answer, in domain terms (the controller maps them to the API). */
final class ReportViews {

  private ReportViews() {}

  record LevelFigures(Unit unit, Tally tally) {}

  record SubjectReport(Subject subject, Unit unit, List<LevelFigures> levels, boolean released) {}

  record UnitRow(Unit unit, Tally tally, List<FlagCode> flags, int flaggedOrganizations) {}

  record UnitTable(Subject subject, Unit parent, List<UnitRow> rows, long total) {}

  record ParticipantsPage(Subject subject, Unit organization, List<Participant> rows, long total) {}

  record Flags(Unit unit, Subject subject, int participants, List<Flag> flags) {}

  record Opening(
      Unit organization, Instant firstOpenedAt, Instant lastOpenedAt, int opens, String timeZone) {}

  record Openings(List<Opening> rows, long opened, long total) {}

  record Release(String regionCode, String regionName, Instant at, String by, String timeZone) {}

  record Scale(Subject subject, Instant updatedAt, String updatedBy) {}
}
