package org.oko.forms;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * Event: «Редактировать» made a submitted response a draft again; version {@code number} (the last
 * submitted) no longer stands until the respondent submits again. Exactly one of {@code
 * organizationId} and {@code municipalityId} is set. Keyed like {@link FormSubmitted} (the form's
 * id), so one form's submissions and reopenings are consumed in order. {@code returned}: a
 * coordinator above the respondent returned it («Вернуть на доработку»), with {@code reason} (may
 * be null) — the respondent's own «Редактировать» otherwise.
 */
public record FormReopened(
    long formId,
    long campaignId,
    String formCode,
    long responseId,
    Long organizationId,
    Long municipalityId,
    String regionCode,
    int number,
    Instant reopenedAt,
    String reopenedBy,
    boolean returned,
    String reason) {

  public static final EventTopic TOPIC = new EventTopic("forms.FormReopened");
}
