package org.oko.scans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;

/** The rules an answer-sheet scheme must follow beyond the contract's field bounds. */
final class SchemeRules {

  private SchemeRules() {}

  /**
   * Criterion codes unique, each criterion on a page of the work; 422 with all problems at once.
   */
  static void check(Scheme scheme) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < scheme.criteria().size(); i++) {
      Criterion c = scheme.criteria().get(i);
      if (!codes.add(c.code())) {
        problems.add(
            FieldProblem.of(
                "criteria[" + i + "].code",
                "Критерий «" + c.code() + "» указан дважды — у каждого критерия свой код"));
      }
      if (c.page() > scheme.pages()) {
        problems.add(
            FieldProblem.of(
                "criteria[" + i + "].page",
                "Критерий «"
                    + c.code()
                    + "» на странице "
                    + c.page()
                    + ", а в работе "
                    + scheme.pages()
                    + " стр. — исправьте страницу или число страниц"));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Схема бланка заполнена с ошибками", problems);
    }
  }
}
