package org.oko.questionnaires;

import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Questionnaire;
import org.oko.api.model.QuestionnaireInput;
import org.oko.api.model.QuestionnaireUpdate;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Definitions and the federal export. TODO(issue 6): being written. */
@Component
class QuestionnaireAdmin {

  Mono<ResponseEntity<Flux<Questionnaire>>> list(long campaignId) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  Mono<ResponseEntity<Questionnaire>> create(long campaignId, QuestionnaireInput input) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  Mono<ResponseEntity<Questionnaire>> get(long questionnaireId, Long version) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  Mono<ResponseEntity<Questionnaire>> update(long questionnaireId, QuestionnaireUpdate update) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  Mono<ResponseEntity<Resource>> export(
      long campaignId, String format, ParticipantCategory category) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }
}
