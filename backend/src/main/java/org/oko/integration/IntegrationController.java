package org.oko.integration;

import java.util.List;
import java.util.UUID;
import org.oko.api.IntegrationApi;
import org.oko.api.model.ChangePage;
import org.oko.api.model.ChangeType;
import org.oko.api.model.ExportJob;
import org.oko.api.model.ExportJobInput;
import org.oko.api.model.ExportJobList;
import org.oko.api.model.RedeliveryInput;
import org.oko.api.model.RedeliveryScheduled;
import org.oko.api.model.WebhookAttemptPage;
import org.oko.api.model.WebhookCreated;
import org.oko.api.model.WebhookInput;
import org.oko.api.model.WebhookList;
import org.oko.api.model.WebhookSecret;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.ApiTimes;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The API for regional systems: each operation one service call. */
@RestController
class IntegrationController implements IntegrationApi {

  private final ChangeFeedService feed;
  private final WebhookService webhooks;
  private final ExportJobService exports;

  IntegrationController(ChangeFeedService feed, WebhookService webhooks, ExportJobService exports) {
    this.feed = feed;
    this.webhooks = webhooks;
    this.exports = exports;
  }

  @Override
  public Mono<ResponseEntity<ChangePage>> listChanges(
      String after,
      List<ChangeType> types,
      Integer limit,
      Integer wait,
      ServerWebExchange exchange) {
    List<String> typeNames =
        types == null ? null : types.stream().map(ChangeType::getValue).toList();
    ChangeFeedService.Request request =
        new ChangeFeedService.Request(after, typeNames, limit, wait);
    return CurrentCaller.get()
        .flatMap(caller -> feed.page(caller, request))
        .map(IntegrationMapper::page)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<WebhookList>> listWebhooks(ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(webhooks::list)
        .map(list -> new WebhookList(list.stream().map(IntegrationMapper::webhook).toList()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<WebhookCreated>> createWebhook(
      Mono<WebhookInput> webhookInput, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .zipWith(webhookInput)
        .flatMap(
            request ->
                webhooks.create(
                    request.getT1(),
                    request.getT2().getUrl(),
                    request.getT2().getEventTypes().stream().map(ChangeType::getValue).toList(),
                    request.getT2().getDescription()))
        .map(
            created ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .body(
                        new WebhookCreated(
                            IntegrationMapper.webhook(created.webhook()), created.secret())));
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteWebhook(Long webhookId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> webhooks.delete(caller, webhookId))
        .thenReturn(ResponseEntity.noContent().build());
  }

  @Override
  public Mono<ResponseEntity<WebhookSecret>> rotateWebhookSecret(
      Long webhookId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> webhooks.rotate(caller, webhookId))
        .map(
            rotated ->
                ResponseEntity.ok(
                    new WebhookSecret(
                        rotated.secret(), ApiTimes.utc(rotated.previousValidUntil()))));
  }

  @Override
  public Mono<ResponseEntity<WebhookAttemptPage>> listWebhookAttempts(
      Long webhookId, Long before, Integer limit, ServerWebExchange exchange) {
    int size = limit == null ? 100 : limit;
    return CurrentCaller.get()
        .flatMap(caller -> webhooks.attempts(caller, webhookId, before, size))
        .map(attempts -> ResponseEntity.ok(IntegrationMapper.attempts(attempts, size)));
  }

  @Override
  public Mono<ResponseEntity<ExportJobList>> listExportJobs(ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(exports::list)
        .map(jobs -> new ExportJobList(jobs.stream().map(IntegrationMapper::exportJob).toList()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<ExportJob>> createExportJob(
      Mono<ExportJobInput> exportJobInput, ServerWebExchange exchange) {
    var request = exchange.getRequest();
    var owner =
        new ExportJobWorker.Owner(
            request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION), request.getRemoteAddress());
    return CurrentCaller.get()
        .zipWith(exportJobInput)
        .flatMap(input -> exports.create(input.getT1(), input.getT2().getExport(), owner))
        .map(job -> ResponseEntity.accepted().body(IntegrationMapper.exportJob(job)));
  }

  @Override
  public Mono<ResponseEntity<ExportJob>> getExportJob(UUID jobId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> exports.get(caller, jobId))
        .map(job -> ResponseEntity.ok(IntegrationMapper.exportJob(job)));
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteExportJob(UUID jobId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> exports.delete(caller, jobId))
        .thenReturn(ResponseEntity.noContent().build());
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadExportJobFile(
      UUID jobId, String range, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> exports.file(caller, jobId))
        .map(file -> IntegrationMapper.exportFile(file.job(), file.content(), range));
  }

  @Override
  public Mono<ResponseEntity<RedeliveryScheduled>> redeliverWebhook(
      Long webhookId, Mono<RedeliveryInput> redeliveryInput, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .zipWith(redeliveryInput)
        .flatMap(
            r ->
                webhooks.redeliver(
                    r.getT1(), webhookId, r.getT2().getEventId(), r.getT2().getAfter()))
        .map(
            done ->
                ResponseEntity.accepted()
                    .body(new RedeliveryScheduled((int) done.scheduled()).next(done.next())));
  }
}
