package org.oko.forms;

import java.util.ArrayList;
import java.util.List;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * The problems found in a response, kept up to {@value #LIMIT}: a file with a million wrong cells
 * gets a readable answer in bounded memory, and the count says how many there were in all.
 */
public final class FormProblems {

  public static final int LIMIT = 1000;

  private final List<FieldProblem> kept = new ArrayList<>();
  private int count;

  public void add(FieldProblem problem) {
    count++;
    if (kept.size() < LIMIT) {
      kept.add(problem);
    }
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Every problem found, including those not kept. */
  public int count() {
    return count;
  }

  /** The problems kept, in the order found. */
  public List<FieldProblem> list() {
    return List.copyOf(kept);
  }

  /** A 422 listing the problems, its detail saying how many there are and that nothing changed. */
  public UnprocessableException toException(String what) {
    String more = count > kept.size() ? " (показаны первые " + kept.size() + ")" : "";
    return new UnprocessableException(
        what + ": найдено ошибок — " + count + more + ". Ничего не сохранено.", list());
  }
}
