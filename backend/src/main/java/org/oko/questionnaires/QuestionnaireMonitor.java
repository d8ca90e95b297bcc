package org.oko.questionnaires;

import org.oko.api.model.QuestionnaireMonitoring;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Kits, kits used, started and submitted per level. TODO(issue 6): being written. */
@Component
class QuestionnaireMonitor {

  Mono<ResponseEntity<QuestionnaireMonitoring>> monitoring(
      long campaignId,
      String level,
      String subjectKey,
      String regionCode,
      Integer page,
      Integer size) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }
}
