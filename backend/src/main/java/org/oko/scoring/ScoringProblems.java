package org.oko.scoring;

import org.oko.platform.web.NotFoundException;

/** The refusals several of scoring's services give alike. */
final class ScoringProblems {

  private ScoringProblems() {}

  static NotFoundException regionNotFound(String regionCode) {
    return new NotFoundException("Регион «" + regionCode + "» не найден");
  }

  static NotFoundException subjectNotFound(String subjectKey) {
    return new NotFoundException("Предмет «" + subjectKey + "» в кампании не найден");
  }
}
