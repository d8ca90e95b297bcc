package org.oko.observers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Seed 003 8.5 and 9.5: an organization proposes public observers' candidates, one by one or from a
 * workbook (all or nothing), while the conduct stage is open.
 */
@Service
class CandidateService {

  static final long MAX_WORKBOOK_BYTES = 10L * 1024 * 1024;

  private final ObserverStore store;
  private final CampaignDirectory campaigns;
  private final Schedule schedule;
  private final BlobStore blobs;
  private final TransactionalOperator tx;

  CandidateService(
      ObserverStore store,
      CampaignDirectory campaigns,
      Schedule schedule,
      BlobStore blobs,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.campaigns = campaigns;
    this.schedule = schedule;
    this.blobs = blobs;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** Proposes every candidate of a workbook, or none (the rows are already checked). */
  Mono<Integer> proposeAll(Caller caller, long campaignId, List<NewObserver> observers) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> propose(caller, campaign, observers))
        .map(List::size);
  }

  /**
   * Proposes every candidate of an uploaded workbook, or none: the caller, campaign and deadline
   * are checked before the body is read; the file is staged, read off the event loop and deleted.
   */
  /** The candidates of a staged file that must be an {@code .xlsx} workbook. */
  private static List<NewObserver> candidates(Path file) throws IOException {
    if (!WorkbookReader.looksLikeXlsx(file)) {
      throw new UnsupportedTypeException(
          "Загрузите книгу Excel (.xlsx) по шаблону: полученный файл ею не является");
    }
    return CandidatesWorkbook.read(file);
  }

  Mono<Integer> proposeFromWorkbook(Caller caller, long campaignId, Flux<DataBuffer> body) {
    return requireProposing(caller, campaignId)
        .flatMap(
            campaign ->
                blobs.withStaged(
                    body,
                    MAX_WORKBOOK_BYTES,
                    file ->
                        Mono.fromCallable(() -> candidates(file))
                            .subscribeOn(Schedulers.boundedElastic())
                            .onErrorMap(
                                UnreadableWorkbookException.class,
                                e -> new UnsupportedTypeException(e.getMessage()))))
        .flatMap(candidates -> proposeAll(caller, campaignId, candidates));
  }

  /** The campaign if an organization may propose candidates to it now. */
  Mono<CampaignInfo> requireProposing(Caller caller, long campaignId) {
    if (caller.role() != Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                schedule
                    .requireConductNotClosed(
                        campaignId, caller.regionCode(), caller.organizationId())
                    .thenReturn(campaign));
  }

  Mono<List<Long>> propose(Caller caller, CampaignInfo campaign, List<NewObserver> observers) {
    if (caller.role() != Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    for (NewObserver o : observers) {
      if (o.kind() != ObserverInfo.Kind.PUBLIC) {
        return Mono.error(
            new UnprocessableException(
                "kind",
                "Организация предлагает только общественных наблюдателей; независимых назначает"
                    + " региональный координатор"));
      }
      var problems = ObserverRules.check(o.fullName(), o.phone(), o.email(), o.workplace());
      if (!problems.isEmpty()) {
        return Mono.error(
            new UnprocessableException(
                "Кандидат не предложен: ошибки в данных", ObserverRules.asFields(problems)));
      }
    }
    return schedule
        .requireConductNotClosed(campaign.id(), caller.regionCode(), caller.organizationId())
        .thenMany(
            store.insert(
                campaign.id(),
                observers,
                ObserverInfo.Status.PROPOSED,
                caller.organizationId(),
                caller.regionCode(),
                caller.login(),
                schedule.now()))
        .collectList()
        .as(tx::transactional);
  }
}
