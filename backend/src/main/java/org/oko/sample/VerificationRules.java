package org.oko.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oko.sample.SampleEntryStore.PartEntry;
import org.oko.sample.VerificationStore.Change;

/**
 * What a verification form's row changes in the sample entry (Порядок выверки: the region or
 * municipality confirms or corrects each organization's participation and attributes): every
 * changed field, in column order, with the values as the workbook shows them.
 */
final class VerificationRules {

  private VerificationRules() {}

  /** The entry as a row of the verification form, before anyone changes it. */
  static SampleWorkbook.Line line(PartEntry e) {
    Attributes a = e.attributes();
    return new SampleWorkbook.Line(
        e.login(),
        e.name(),
        e.status().equals("SELECTED"),
        a.participants(),
        a.institutionType(),
        a.settlementType(),
        a.educationLevels(),
        a.subjects());
  }

  /** Every field the row changes, in column order, with the values as the workbook shows them. */
  static List<Change> diff(PartEntry entry, boolean participates, Attributes after) {
    List<Change> changes = new ArrayList<>();
    Attributes before = entry.attributes();
    boolean wasIn = entry.status().equals("SELECTED");
    add(
        changes,
        entry,
        Column.PARTICIPATES,
        Vocabulary.yesNo(wasIn),
        Vocabulary.yesNo(participates));
    if (!participates) {
      return changes;
    }
    add(
        changes,
        entry,
        Column.PARTICIPANTS,
        String.valueOf(before.participants()),
        String.valueOf(after.participants()));
    if (!Set.copyOf(before.educationLevels()).equals(Set.copyOf(after.educationLevels()))) {
      add(
          changes,
          entry,
          Column.LEVELS,
          Vocabulary.levels(before.educationLevels()),
          Vocabulary.levels(after.educationLevels()));
    }
    add(
        changes,
        entry,
        Column.SETTLEMENT,
        Vocabulary.settlement(before.settlementType()),
        Vocabulary.settlement(after.settlementType()));
    add(changes, entry, Column.TYPE, before.institutionType(), after.institutionType());
    if (!Set.copyOf(before.subjects()).equals(Set.copyOf(after.subjects()))) {
      add(
          changes,
          entry,
          Column.SUBJECTS,
          String.join(", ", before.subjects()),
          String.join(", ", after.subjects()));
    }
    return changes;
  }

  private static void add(
      List<Change> changes, PartEntry entry, Column column, String before, String after) {
    if (Objects.equals(before, after)) {
      return;
    }
    changes.add(
        new Change(
            entry.organizationId(),
            entry.login(),
            entry.name(),
            entry.regionCode(),
            entry.municipalityId(),
            entry.municipalityName(),
            column.diffField,
            column.title,
            before.isEmpty() ? "—" : before,
            after.isEmpty() ? "—" : after));
  }
}
