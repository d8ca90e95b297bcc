package org.oko.questionnaires;

import java.util.Map;
import java.util.UUID;
import org.oko.api.QuestionnairesApi;
import org.oko.api.model.MonitoringLevel;
import org.oko.api.model.Questionnaire;
import org.oko.api.model.QuestionnaireAnswersInput;
import org.oko.api.model.QuestionnaireInput;
import org.oko.api.model.QuestionnaireMonitoring;
import org.oko.api.model.QuestionnaireSaved;
import org.oko.api.model.QuestionnaireSession;
import org.oko.api.model.QuestionnaireUpdate;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The questionnaires API. Two audiences with little in common share it: organizers, who define,
 * follow questionnaires ({@link QuestionnaireDefinitionService}, {@link
 * QuestionnaireMonitoringService}; the export streams from {@link ResponseExportRoutes}), and
 * participants on phones, who answer them ({@link SessionService}, {@link SessionSubmitService}).
 */
@RestController
class QuestionnairesController implements QuestionnairesApi {

  private final QuestionnaireDefinitionService definitions;
  private final SessionService sessions;
  private final SessionSubmitService submissions;
  private final QuestionnaireMonitoringService monitoring;

  QuestionnairesController(
      QuestionnaireDefinitionService definitions,
      SessionService sessions,
      SessionSubmitService submissions,
      QuestionnaireMonitoringService monitoring) {
    this.definitions = definitions;
    this.sessions = sessions;
    this.submissions = submissions;
    this.monitoring = monitoring;
  }

  @Override
  public Mono<ResponseEntity<Flux<Questionnaire>>> listQuestionnaires(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(QuestionnaireDefinitionService.READERS)
        .flatMap(caller -> definitions.list(caller, campaignId))
        .map(
            list ->
                ResponseEntity.ok(
                    Flux.fromIterable(list).map(QuestionnairesMapper::questionnaire)));
  }

  @Override
  public Mono<ResponseEntity<Questionnaire>> createQuestionnaire(
      Long campaignId, Mono<QuestionnaireInput> input, ServerWebExchange exchange) {
    return input
        .map(
            body ->
                new QuestionnaireDefinitionService.Draft(
                    body.getCategory().getValue(),
                    body.getTitle(),
                    QuestionnaireContentMapper.content(body.getContent())))
        .flatMap(
            draft ->
                CurrentCaller.withRole(Role.FEDERAL)
                    .flatMap(caller -> definitions.create(caller, campaignId, draft)))
        .map(
            d ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .body(QuestionnairesMapper.questionnaire(d)));
  }

  @Override
  public Mono<ResponseEntity<Questionnaire>> getQuestionnaire(
      Long questionnaireId, Long version, ServerWebExchange exchange) {
    return CurrentCaller.withRole(QuestionnaireDefinitionService.READERS)
        .flatMap(caller -> definitions.get(caller, questionnaireId, version))
        .map(d -> ResponseEntity.ok(QuestionnairesMapper.questionnaire(d)));
  }

  @Override
  public Mono<ResponseEntity<Questionnaire>> updateQuestionnaire(
      Long questionnaireId, Mono<QuestionnaireUpdate> update, ServerWebExchange exchange) {
    return update
        .flatMap(
            body -> {
              var draft =
                  new QuestionnaireDefinitionService.Draft(
                      null, body.getTitle(), QuestionnaireContentMapper.content(body.getContent()));
              return CurrentCaller.withRole(Role.FEDERAL)
                  .flatMap(
                      caller ->
                          definitions.update(
                              caller, questionnaireId, body.getExpectedVersion(), draft));
            })
        .map(d -> ResponseEntity.ok(QuestionnairesMapper.questionnaire(d)));
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireSession>> startQuestionnaireSession(
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.PARTICIPANT)
        .flatMap(sessions::start)
        .map(
            started ->
                ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(QuestionnairesMapper.session(started.view())));
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireSaved>> saveQuestionnaireAnswers(
      UUID sessionId, Mono<QuestionnaireAnswersInput> input, ServerWebExchange exchange) {
    return input
        .flatMap(
            body ->
                CurrentCaller.withRole(Role.PARTICIPANT)
                    .flatMap(caller -> sessions.save(caller, sessionId, answersOf(body))))
        .map(saved -> ResponseEntity.ok(QuestionnairesMapper.saved(saved)));
  }

  @Override
  public Mono<ResponseEntity<QuestionnaireSession>> submitQuestionnaire(
      UUID sessionId,
      String idempotencyKey,
      Mono<QuestionnaireAnswersInput> input,
      ServerWebExchange exchange) {
    return input
        .flatMap(
            body ->
                CurrentCaller.withRole(Role.PARTICIPANT)
                    .flatMap(
                        caller ->
                            submissions.submit(caller, sessionId, idempotencyKey, answersOf(body))))
        .map(
            s -> {
              var ok = ResponseEntity.ok();
              if (s.replayed()) {
                ok.header("Idempotent-Replayed", "true");
              }
              return ok.body(QuestionnairesMapper.session(s.view()));
            });
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
      String after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page == null ? 0 : page, size == null ? 20 : size);
    var filter =
        new QuestionnaireMonitoringService.Filter(
            campaignId, subjectKey, regionCode, municipalityId);
    return CurrentCaller.withRole(QuestionnaireMonitoringService.READERS)
        .flatMap(
            caller ->
                monitoring.page(caller, filter, QuestionnairesMapper.level(level), paging, after))
        .map(
            p -> {
              String next =
                  after == null
                      ? null
                      : NextLinks.next(
                          exchange, paging.size(), p.lines(), MonitoringRules.Line::key);
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(QuestionnairesMapper.monitoring(p).next(next));
            });
  }

  private static Map<String, Object> answersOf(QuestionnaireAnswersInput input) {
    return input.getAnswers() == null ? Map.of() : input.getAnswers();
  }
}
