package org.oko.accounts;

/**
 * A duty in a campaign's staff register (seed 000_c9abf0b417e3d9bf.txt, «Термины»): the
 * organization's responsible organizer, an organizer in a classroom, a technical specialist.
 */
enum StaffDuty {
  RESPONSIBLE_ORGANIZER("Ответственный организатор"),
  CLASSROOM_ORGANIZER("Организатор в аудитории"),
  TECHNICAL_SPECIALIST("Технический специалист");

  private final String label;

  StaffDuty(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The duty a cell names: its Russian name as the template offers it, or the code; else null. */
  static StaffDuty typed(String typed) {
    if (typed == null) {
      return null;
    }
    String t = typed.strip();
    for (StaffDuty d : values()) {
      if (d.name().equalsIgnoreCase(t) || d.label.equalsIgnoreCase(t)) {
        return d;
      }
    }
    return null;
  }
}
