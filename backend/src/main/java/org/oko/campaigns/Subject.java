package org.oko.campaigns;

import java.util.List;

/**
 * A subject of a campaign as taken in one class (ВПР, 4 класс, русский язык → key {@code rus-4}),
 * stored as JSON in {@code campaign.subjects}.
 *
 * @param grade the class (ВПР) or course; null when the subject has none (ОМК)
 * @param maxScore the maximum primary score of the test, when known
 * @param tasks the tasks of the test and the maximum score of each (the criteria)
 */
public record Subject(String key, String name, Integer grade, Integer maxScore, List<Task> tasks) {

  public Subject {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }

  /** One task of the test: its label ({@code 2.1}) and maximum score. */
  public record Task(String label, Integer maxScore) {}
}
