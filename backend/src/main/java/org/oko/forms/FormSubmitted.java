package org.oko.forms;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: a respondent submitted a form («Сдать отчёт»), freezing version {@code number} of its
 * response. Exactly one of {@code organizationId} and {@code municipalityId} is set.
 */
public record FormSubmitted(
    long formId,
    long campaignId,
    String formCode,
    long responseId,
    Long organizationId,
    Long municipalityId,
    String regionCode,
    int number,
    int rows,
    Instant submittedAt,
    String submittedBy) {

  public static final EventTopic TOPIC = new EventTopic("forms.FormSubmitted");
}
