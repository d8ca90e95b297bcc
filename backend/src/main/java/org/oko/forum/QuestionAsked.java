package org.oko.forum;

import org.oko.platform.events.EventTopic;

/**
 * Event: a question was asked. Who answers it: the federal organizer when {@code federalAnswers},
 * and the regional coordinator of {@code answeringRegion} when set (a delegated section, or a
 * region's own thread).
 *
 * @param campaignId null for the general forum
 * @param regionalThread the region whose thread it is, or null for a common question
 */
public record QuestionAsked(
    long questionId,
    Long campaignId,
    long sectionId,
    String sectionTitle,
    String title,
    String authorLogin,
    String authorRegion,
    String regionalThread,
    boolean federalAnswers,
    String answeringRegion) {

  public static final EventTopic TOPIC = new EventTopic("forum.QuestionAsked");
}
