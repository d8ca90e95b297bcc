package org.oko.questionnaires;

import java.time.Instant;
import java.util.UUID;
import org.oko.platform.events.EventTopic;

/** Event: a participant submitted their questionnaire («Сдать анкету»); sent once per session. */
public record QuestionnaireSubmitted(
    UUID sessionId,
    long campaignId,
    long organizationId,
    String regionCode,
    String subjectKey,
    String category,
    long questionnaireId,
    long definitionVersion,
    Instant submittedAt) {

  public static final EventTopic TOPIC = new EventTopic("questionnaires.QuestionnaireSubmitted");
}
