package org.oko.platform.web;

import java.util.List;

/**
 * Well-formed content that is wrong, with every individual problem; answers 422. Whoever throws it
 * has stored nothing.
 */
public class UnprocessableException extends RuntimeException {

  private final List<FieldProblem> problems;

  public UnprocessableException(String message, List<FieldProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public UnprocessableException(String field, String message) {
    this(message, List.of(FieldProblem.of(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
