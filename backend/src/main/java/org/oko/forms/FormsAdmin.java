package org.oko.forms;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.oko.api.model.FormRespondentKind;
import org.oko.api.model.StageCode;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Defining forms without a request (demo data, administration): the same preparation of the schema
 * and the same storage as {@code POST /api/campaigns/{id}/forms}, on behalf of the federal
 * organizer.
 */
@Service
public class FormsAdmin {

  private final FormDefinitionStore definitions;
  private final Clock clock;

  FormsAdmin(FormDefinitionStore definitions, Clock clock) {
    this.definitions = definitions;
    this.clock = clock;
  }

  /**
   * Stores version 1 of a form; run it in a transaction.
   *
   * @param tasks the tasks of the subject, for {@code TASK_SCORES} columns (else empty)
   * @return the form's id
   */
  public Mono<Long> define(
      long campaignId,
      String code,
      String title,
      String instruction,
      StageCode stage,
      FormRespondentKind respondent,
      List<String> organizationKinds,
      String subjectKey,
      FormSchema schema,
      List<FormSchemas.Task> tasks) {
    FormSchema prepared = FormSchemas.prepare(schema, tasks);
    return definitions.insert(
        campaignId,
        new FormDefinitionStore.Definition(
            code, title, instruction, stage, respondent, organizationKinds, subjectKey, prepared),
        "federal",
        clock.instant());
  }

  /** Sets the rows pre-filled for one organization on a {@code STORED} sheet. */
  public Mono<Void> prefill(
      long formId, String sheetKey, long organizationId, List<Map<String, String>> rows) {
    return definitions.setPrefill(formId, sheetKey, organizationId, rows);
  }
}
