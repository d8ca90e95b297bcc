package org.oko.questionnaires;

import java.util.UUID;
import org.oko.api.QuestionnairesApi;
import org.oko.api.model.MonitoringLevel;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Questionnaire;
import org.oko.api.model.QuestionnaireAnswersInput;
import org.oko.api.model.QuestionnaireExportFormat;
import org.oko.api.model.QuestionnaireInput;
import org.oko.api.model.QuestionnaireMonitoring;
import org.oko.api.model.QuestionnaireSaved;
import org.oko.api.model.QuestionnaireSession;
import org.oko.api.model.QuestionnaireUpdate;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The questionnaires API. Two audiences with little in common share it: organizers, who define,
 * follow and export questionnaires ({@link QuestionnaireDefinitionService}, {@link
 * QuestionnaireMonitoringStore}), and participants on phones, who answer them ({@link
 * SessionService}).
 */
@RestController
class QuestionnairesController implements QuestionnairesApi {

  private final QuestionnaireDefinitionService admin;
  private final SessionService sessions;
  private final QuestionnaireMonitoringStore monitor;

  QuestionnairesController(
      QuestionnaireDefinitionService admin,
      SessionService sessions,
      QuestionnaireMonitoringStore monitor) {
    this.admin = admin;
    this.sessions = sessions;
    this.monitor = monitor;
  }

  @Override
  public Mono<ResponseEntity<Flux<Questionnaire>>> listQuestionnaires(
      Long campaignId, ServerWebExchange exchange) {
    return admin.list(campaignId);
  }

  @Override
  public Mono<ResponseEntity<Questionnaire>> createQuestionnaire(
      Long campaignId, Mono<QuestionnaireInput> input, ServerWebExchange exchange) {
    return input.flatMap(body -> admin.create(campaignId, body));
  }

  @Override
  public Mono<ResponseEntity<Questionnaire>> getQuestionnaire(
      Long questionnaireId, Long version, ServerWebExchange exchange) {
    return admin.get(questionnaireId, version);
  }

  @Override
  public Mono<ResponseEntity<Questionnaire>> updateQuestionnaire(
      Long questionnaireId, Mono<QuestionnaireUpdate> update, ServerWebExchange exchange) {
    return update.flatMap(body -> admin.update(questionnaireId, body));
  }

  @Override
  public Mono<ResponseEntity<Resource>> exportQuestionnaireResponses(
      Long campaignId,
      QuestionnaireExportFormat format,
      ParticipantCategory category,
      ServerWebExchange exchange) {
    return admin.export(campaignId, format, category);
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireSession>> startQuestionnaireSession(
      ServerWebExchange exchange) {
    return sessions.start();
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireSaved>> saveQuestionnaireAnswers(
      UUID sessionId, Mono<QuestionnaireAnswersInput> input, ServerWebExchange exchange) {
    return input.flatMap(body -> sessions.save(sessionId, body));
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireSession>> submitQuestionnaire(
      UUID sessionId,
      String idempotencyKey,
      Mono<QuestionnaireAnswersInput> input,
      ServerWebExchange exchange) {
    return input.flatMap(body -> sessions.submit(sessionId, idempotencyKey, body));
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireMonitoring>> getQuestionnaireMonitoring(
      Long campaignId,
      MonitoringLevel level,
      String subjectKey,
      String regionCode,
      Long municipalityId,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    return monitor.monitoring(
        campaignId, level, subjectKey, regionCode, municipalityId, page, size);
  }
}
