package org.oko.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scoring.ScoringTaskStore.Score;

/** What an expert's scores for a work must be: every criterion of the scheme once, in bounds. */
final class ScoreRules {

  private ScoreRules() {}

  /** A score as the expert sent it: the criterion's code and a score, maybe missing. */
  record GivenScore(String code, Integer score) {}

  /** The scores in the scheme's order; 422 naming each wrong one otherwise. */
  static List<Score> validate(Scheme scheme, List<GivenScore> input) {
    Map<String, Criterion> criteria = new LinkedHashMap<>();
    scheme.criteria().forEach(c -> criteria.put(c.code(), c));
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Integer> given = new LinkedHashMap<>();
    for (int i = 0; i < input.size(); i++) {
      GivenScore s = input.get(i);
      String field = "scores[" + i + "]";
      Criterion c = criteria.get(s.code());
      if (c == null) {
        problems.add(
            new FieldProblem(
                field + ".code",
                "Критерия «" + s.code() + "» нет в схеме оценивания этого предмета",
                null,
                null,
                s.code()));
      } else if (given.containsKey(c.code())) {
        problems.add(
            new FieldProblem(
                field + ".code",
                "Критерий «" + c.code() + "» указан дважды — оставьте один балл",
                null,
                null,
                c.code()));
      } else if (s.score() == null || s.score() < 0 || s.score() > c.maxScore()) {
        problems.add(
            new FieldProblem(
                field + ".score",
                "Балл по критерию «" + c.code() + "» должен быть от 0 до " + c.maxScore(),
                null,
                null,
                String.valueOf(s.score())));
        given.put(c.code(), 0);
      } else {
        given.put(c.code(), s.score());
      }
    }
    for (Criterion c : scheme.criteria()) {
      if (!given.containsKey(c.code())) {
        problems.add(
            FieldProblem.of(
                "scores", "Нет балла по критерию «" + c.code() + "» (" + c.title() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException(
          "Баллы не сохранены: исправьте отмеченные критерии", problems);
    }
    List<Score> scores = new ArrayList<>();
    scheme.criteria().forEach(c -> scores.add(new Score(c.code(), given.get(c.code()))));
    return scores;
  }
}
