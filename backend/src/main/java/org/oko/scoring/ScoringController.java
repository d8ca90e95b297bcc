package org.oko.scoring;

import org.oko.api.ScoringApi;
import org.oko.api.model.Distribution;
import org.oko.api.model.DistributionInput;
import org.oko.api.model.Expert;
import org.oko.api.model.ExpertApproval;
import org.oko.api.model.ExpertCreated;
import org.oko.api.model.ExpertDecisionInput;
import org.oko.api.model.ExpertInput;
import org.oko.api.model.ExpertPage;
import org.oko.api.model.ScoresInput;
import org.oko.api.model.ScoringResultPage;
import org.oko.api.model.ScoringTask;
import org.oko.api.model.ScoringTaskPage;
import org.oko.api.model.ScoringTaskStatus;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Expert scoring: the federal or regional coordinator registers experts and distributes the
 * region's complete works among them; experts score their tasks from the scans; coordinators see
 * the results of their scope.
 */
@RestController
class ScoringController implements ScoringApi {

  private final ExpertService experts;
  private final ExpertApprovalService approvals;
  private final DistributionService distribution;
  private final ExpertTaskService tasks;
  private final ResultService results;

  ScoringController(
      ExpertService experts,
      ExpertApprovalService approvals,
      DistributionService distribution,
      ExpertTaskService tasks,
      ResultService results) {
    this.experts = experts;
    this.approvals = approvals;
    this.distribution = distribution;
    this.tasks = tasks;
    this.results = results;
  }

  @Override
  public Mono<ResponseEntity<ExpertPage>> listExperts(
      Long campaignId,
      String regionCode,
      String subjectKey,
      ExpertApproval approval,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    String state = approval == null ? null : approval.getValue();
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(caller -> experts.page(caller, campaignId, regionCode, subjectKey, state, paging))
        .map(found -> ResponseEntity.ok(ScoringMapper.expertPage(found, page, size)));
  }

  @Override
  public Mono<ResponseEntity<ExpertCreated>> createExpert(
      Long campaignId, Mono<ExpertInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(caller -> experts.register(caller, campaignId, body.map(ScoringMapper::newExpert)))
        .map(
            registered ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .cacheControl(CacheControl.noStore())
                    .body(ScoringMapper.created(registered)));
  }

  @Override
  public Mono<ResponseEntity<Expert>> decideExpert(
      Long campaignId, String login, Mono<ExpertDecisionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                body.map(ScoringMapper::decision)
                    .flatMap(decision -> approvals.decide(caller, campaignId, login, decision)))
        .map(row -> ResponseEntity.ok(ScoringMapper.expert(row)));
  }

  @Override
  public Mono<ResponseEntity<Distribution>> distributeWorks(
      Long campaignId, Mono<DistributionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                body.flatMap(
                    in ->
                        distribution.distribute(
                            caller, campaignId, in.getRegionCode(), in.getSubjectKey())))
        .map(plan -> ResponseEntity.ok(ScoringMapper.distribution(plan)));
  }

  @Override
  public Mono<ResponseEntity<ScoringTaskPage>> listScoringTasks(
      ScoringTaskStatus status, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    Boolean scored = status == null ? null : status == ScoringTaskStatus.SCORED;
    return CurrentCaller.withRole(Role.EXPERT)
        .flatMap(caller -> tasks.page(caller, scored, paging))
        .map(found -> ResponseEntity.ok(ScoringMapper.taskPage(found, page, size)));
  }

  @Override
  public Mono<ResponseEntity<ScoringTask>> getScoringTask(Long taskId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.EXPERT)
        .flatMap(caller -> tasks.task(caller, taskId))
        .map(view -> ResponseEntity.ok(ScoringMapper.task(view)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> getScoringTaskPage(
      Long taskId, Integer page, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.EXPERT)
        .flatMap(caller -> tasks.pageImage(caller, taskId, page))
        .map(
            image ->
                ResponseEntity.ok()
                    .contentType(mediaType(image.contentType()))
                    .cacheControl(CacheControl.noStore())
                    .body(image.content()));
  }

  @Override
  public Mono<ResponseEntity<ScoringTask>> scoreTask(
      Long taskId, Mono<ScoresInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.EXPERT)
        .zipWith(
            body,
            (caller, input) -> tasks.score(caller, taskId, ScoringMapper.given(input.getScores())))
        .flatMap(scored -> scored)
        .map(view -> ResponseEntity.ok(ScoringMapper.task(view)));
  }

  @Override
  public Mono<ResponseEntity<ScoringResultPage>> listScoringResults(
      Long campaignId,
      String regionCode,
      Long organizationId,
      String subjectKey,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(
            caller ->
                results.page(caller, campaignId, regionCode, organizationId, subjectKey, paging))
        .map(found -> ResponseEntity.ok(ScoringMapper.resultPage(found, page, size)));
  }

  private static MediaType mediaType(String contentType) {
    try {
      return MediaType.parseMediaType(contentType);
    } catch (RuntimeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
