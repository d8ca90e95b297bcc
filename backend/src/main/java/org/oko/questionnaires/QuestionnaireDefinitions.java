package org.oko.questionnaires;

import java.time.Instant;
import org.oko.api.model.QuestionnaireContent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stored questionnaire definitions and their versions. */
@Component
class QuestionnaireDefinitions {

  /** One version of a definition. */
  record Definition(
      long id,
      long campaignId,
      String category,
      String title,
      long version,
      long latestVersion,
      QuestionnaireContent content,
      Instant updatedAt,
      String updatedBy) {}

  /** The current version of the campaign's questionnaire for the category; empty if none. */
  Mono<Definition> current(long campaignId, String category) {
    return Mono.error(new UnsupportedOperationException("TODO(issue 6): being written"));
  }

  /** One version (the current one included); empty if there is no such version. */
  Mono<Definition> version(long questionnaireId, long version) {
    return Mono.error(new UnsupportedOperationException("TODO(issue 6): being written"));
  }
}
