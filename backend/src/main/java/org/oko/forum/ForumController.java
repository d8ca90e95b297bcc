package org.oko.forum;

import org.oko.api.ForumApi;
import org.oko.api.model.ForumAcceptInput;
import org.oko.api.model.ForumAnswer;
import org.oko.api.model.ForumAnswerInput;
import org.oko.api.model.ForumAnswerPatch;
import org.oko.api.model.ForumMergeInput;
import org.oko.api.model.ForumQuestion;
import org.oko.api.model.ForumQuestionInput;
import org.oko.api.model.ForumQuestionPage;
import org.oko.api.model.ForumQuestionPatch;
import org.oko.api.model.ForumQuestionStatus;
import org.oko.api.model.ForumSearchPage;
import org.oko.api.model.ForumSection;
import org.oko.api.model.ForumSectionInput;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The forum's operations: each maps the contract to one {@link ForumService} or {@link
 * ForumModerationService} call and back.
 */
@RestController
class ForumController implements ForumApi {

  private final ForumService forum;
  private final ForumModerationService moderation;
  private final ForumFileService files;

  ForumController(ForumService forum, ForumModerationService moderation, ForumFileService files) {
    this.forum = forum;
    this.moderation = moderation;
    this.files = files;
  }

  @Override
  public Mono<ResponseEntity<Flux<ForumSection>>> listForumSections(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> forum.sections(caller, campaignId))
        .map(sections -> ResponseEntity.ok(Flux.fromIterable(sections).map(ForumMapper::section)));
  }

  @Override
  public Mono<ResponseEntity<ForumSection>> createForumSection(
      Mono<ForumSectionInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                moderation.createSection(
                    t.getT1(),
                    t.getT2().getCampaignId(),
                    t.getT2().getTitle(),
                    Boolean.TRUE.equals(t.getT2().getDelegated()),
                    ForumMapper.position(t.getT2())))
        .map(s -> ResponseEntity.status(HttpStatus.CREATED).body(ForumMapper.section(s)));
  }

  @Override
  public Mono<ResponseEntity<ForumSection>> updateForumSection(
      Long sectionId, Mono<ForumSectionInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                moderation.updateSection(
                    t.getT1(),
                    sectionId,
                    t.getT2().getTitle(),
                    Boolean.TRUE.equals(t.getT2().getDelegated()),
                    ForumMapper.position(t.getT2())))
        .map(s -> ResponseEntity.ok(ForumMapper.section(s)));
  }

  @Override
  public Mono<ResponseEntity<ForumQuestion>> askForumQuestion(
      Long sectionId, Mono<ForumQuestionInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                forum.ask(
                    t.getT1(),
                    sectionId,
                    t.getT2().getTitle(),
                    t.getT2().getBody(),
                    Boolean.TRUE.equals(t.getT2().getRegional()),
                    t.getT2().getAttachmentIds()))
        .map(v -> ResponseEntity.status(HttpStatus.CREATED).body(ForumMapper.question(v)));
  }

  @Override
  public Mono<ResponseEntity<ForumQuestionPage>> listForumQuestions(
      Long campaignId,
      Long sectionId,
      ForumQuestionStatus status,
      Boolean mine,
      Boolean regional,
      Boolean pinned,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    ForumStore.ListFilter filter =
        new ForumStore.ListFilter(
            campaignId,
            sectionId,
            status == null ? null : status.getValue(),
            Boolean.TRUE.equals(mine),
            regional,
            Boolean.TRUE.equals(pinned));
    return CurrentCaller.get()
        .flatMap(
            caller ->
                forum
                    .questions(caller, filter, paging)
                    .map(found -> questionPage(found, paging, caller.login())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<ForumSearchPage>> searchForum(
      String q,
      Long campaignId,
      Long sectionId,
      Boolean answeredOnly,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                forum.search(
                    caller, campaignId, sectionId, Boolean.TRUE.equals(answeredOnly), q, paging))
        .map(
            hits ->
                ResponseEntity.ok(
                    new ForumSearchPage(
                        paging.page(),
                        paging.size(),
                        hits.stream().map(ForumMapper::hit).toList())));
  }

  @Override
  public Mono<ResponseEntity<ForumQuestion>> getForumQuestion(
      Long questionId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> forum.question(caller, questionId))
        .map(v -> ResponseEntity.ok(ForumMapper.question(v)));
  }

  @Override
  public Mono<ResponseEntity<ForumQuestion>> moderateForumQuestion(
      Long questionId, Mono<ForumQuestionPatch> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                moderation.moderate(
                    t.getT1(),
                    questionId,
                    t.getT2().getTitle(),
                    t.getT2().getPinned(),
                    t.getT2().getLocked(),
                    t.getT2().getHidden()))
        .map(v -> ResponseEntity.ok(ForumMapper.question(v)));
  }

  @Override
  public Mono<ResponseEntity<ForumQuestion>> mergeForumQuestion(
      Long questionId, Mono<ForumMergeInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(t -> moderation.merge(t.getT1(), questionId, t.getT2().getIntoQuestionId()))
        .map(v -> ResponseEntity.ok(ForumMapper.question(v)));
  }

  @Override
  public Mono<ResponseEntity<ForumAnswer>> answerForumQuestion(
      Long questionId, Mono<ForumAnswerInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                shown(
                    t.getT1(),
                    forum.answer(
                        t.getT1(), questionId, t.getT2().getBody(), t.getT2().getAttachmentIds())))
        .map(a -> ResponseEntity.status(HttpStatus.CREATED).body(a));
  }

  @Override
  public Mono<ResponseEntity<ForumQuestion>> acceptForumAnswer(
      Long questionId, Mono<ForumAcceptInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(t -> moderation.accept(t.getT1(), questionId, t.getT2().getAnswerId()))
        .map(v -> ResponseEntity.ok(ForumMapper.question(v)));
  }

  @Override
  public Mono<ResponseEntity<ForumAnswer>> moderateForumAnswer(
      Long answerId, Mono<ForumAnswerPatch> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                shown(
                    t.getT1(),
                    moderation.moderateAnswer(t.getT1(), answerId, t.getT2().getHidden())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadForumAttachment(
      Long attachmentId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> files.readableFile(caller, attachmentId))
        .map(f -> ForumMapper.download(f, files.open(f)));
  }

  /**
   * The answer as the caller sees it in its question (accepted or not, the question's state), once
   * it is written.
   */
  private Mono<ForumAnswer> shown(Caller caller, Mono<Answer> written) {
    return written.flatMap(
        a -> forum.question(caller, a.questionId()).map(v -> ForumMapper.answerIn(v, a.id())));
  }

  private static ForumQuestionPage questionPage(
      ForumService.QuestionPage found, Paging paging, String login) {
    return new ForumQuestionPage(
        paging.page(),
        paging.size(),
        found.total(),
        paging.totalPages(found.total()),
        found.items().stream().map(q -> ForumMapper.summary(q, login)).toList());
  }
}
