package org.oko.logistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.Subject;

/**
 * What an organization receives for a campaign, computed from its sample entry. The rule follows
 * what a delivery packet contains (seed 004, §7), for every subject of the entry that the campaign
 * still has, in the campaign's class order:
 *
 * <ul>
 *   <li>индивидуальные комплекты (ИК): one per participant;
 *   <li>протокол проведения: one;
 *   <li>листы с кодами участников: one per participant;
 *   <li>возвратные доставочные пакеты (ВДП): two, one for the used kits and the protocol, one for
 *       the unused kits and the drafts.
 * </ul>
 *
 * <p>Each subject's materials travel in one delivery packet (the instruction packs per room, which
 * the sample does not know), so an organization gets as many packets as subjects.
 *
 * <p>The entry counts participants per organization, not per subject, so every subject gets that
 * number. Drafts (черновики) are plain paper the organization supplies, so they are not listed. A
 * subject key the campaign no longer has (the campaign was edited after the sample) yields nothing:
 * there are no materials for it.
 */
final class MaterialRules {

  static final String KITS = "Индивидуальный комплект (ИК)";
  static final String PROTOCOL = "Протокол проведения";
  static final String CODE_SHEETS = "Лист с кодами участников";
  static final String RETURN_PACKETS = "Возвратный доставочный пакет (ВДП)";

  /** The return packets per subject: one for used, one for unused materials. */
  static final int RETURN_PACKETS_PER_SUBJECT = 2;

  /** One line of the inventory. {@code grade} is null for a subject without a class (ОМК). */
  record Line(Integer grade, String subject, String material, int quantity) {}

  /** What a transfer statement shows of an organization: kits and packets in total. */
  record Summary(int kits, int deliveryPackets, int returnPackets) {}

  private MaterialRules() {}

  static List<Line> of(SelectedOrganization entry, List<Subject> campaignSubjects) {
    List<Line> lines = new ArrayList<>();
    for (Subject subject : subjectsOf(entry, campaignSubjects)) {
      Integer grade = subject.grade();
      String name = subject.name();
      lines.add(new Line(grade, name, KITS, entry.participants()));
      lines.add(new Line(grade, name, PROTOCOL, 1));
      lines.add(new Line(grade, name, CODE_SHEETS, entry.participants()));
      lines.add(new Line(grade, name, RETURN_PACKETS, RETURN_PACKETS_PER_SUBJECT));
    }
    return lines;
  }

  static Summary summaryOf(SelectedOrganization entry, List<Subject> campaignSubjects) {
    int subjects = subjectsOf(entry, campaignSubjects).size();
    return new Summary(
        subjects * entry.participants(), subjects, subjects * RETURN_PACKETS_PER_SUBJECT);
  }

  /** The campaign's subjects the entry takes, ordered by class, then as the campaign lists them. */
  static List<Subject> subjectsOf(SelectedOrganization entry, List<Subject> campaignSubjects) {
    return campaignSubjects.stream()
        .filter(s -> entry.subjects().contains(s.key()))
        .sorted(
            Comparator.comparing(Subject::grade, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** Total quantity of each material, in the order materials appear on a line. */
  static Map<String, Integer> totals(List<Line> lines) {
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (String material : List.of(KITS, PROTOCOL, CODE_SHEETS, RETURN_PACKETS)) {
      totals.put(material, 0);
    }
    for (Line line : lines) {
      totals.merge(line.material(), line.quantity(), Integer::sum);
    }
    return totals;
  }
}
