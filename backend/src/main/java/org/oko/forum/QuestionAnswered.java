package org.oko.forum;

import org.oko.platform.events.EventTopic;

/** Event: a question got an answer. */
public record QuestionAnswered(
    long questionId,
    long answerId,
    Long campaignId,
    String title,
    String questionAuthor,
    String answeredBy) {

  public static final EventTopic TOPIC = new EventTopic("forum.QuestionAnswered");
}
