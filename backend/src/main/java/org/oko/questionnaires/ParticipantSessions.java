package org.oko.questionnaires;

import java.util.UUID;
import org.oko.api.model.QuestionnaireAnswersInput;
import org.oko.api.model.QuestionnaireSaved;
import org.oko.api.model.QuestionnaireSession;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A participant's session: start or resume, autosave, submit. TODO(issue 6): being written. */
@Component
class ParticipantSessions {

  Mono<ResponseEntity<QuestionnaireSession>> start() {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  Mono<ResponseEntity<QuestionnaireSaved>> save(UUID sessionId, QuestionnaireAnswersInput input) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }

  Mono<ResponseEntity<QuestionnaireSession>> submit(
      UUID sessionId, String idempotencyKey, QuestionnaireAnswersInput input) {
    return Mono.error(new UnsupportedOperationException("not yet"));
  }
}
