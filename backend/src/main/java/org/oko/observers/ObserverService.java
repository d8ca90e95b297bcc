package org.oko.observers;

import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
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
 * Candidates and independent observers: an organization proposes public observers (one by one or
 * from a workbook, all or nothing), its coordinator accepts or rejects them, the region appoints
 * independent ones; an accepted observer gets a login.
 */
@Service
class ObserverService {

  record Page(long total, List<ObserverInfo> items) {}

  record Credentials(String login, String password) {}

  static final long MAX_WORKBOOK_BYTES = 10L * 1024 * 1024;

  private final ObserverStore store;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final IdentityAdmin identity;
  private final Schedule schedule;
  private final BlobStore blobs;
  private final TransactionalOperator tx;

  ObserverService(
      ObserverStore store,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      IdentityAdmin identity,
      Schedule schedule,
      BlobStore blobs,
      ReactiveTransactionManager transactions) {
    this.blobs = blobs;
    this.store = store;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.identity = identity;
    this.schedule = schedule;
    this.tx = TransactionalOperator.create(transactions);
  }

  Mono<Page> list(
      Caller caller,
      long campaignId,
      ObserverInfo.Kind kind,
      ObserverInfo.Status status,
      Long organizationId,
      Paging paging) {
    Visibility scope = Visibility.of(caller);
    var filter =
        new ObserverStore.Filter(
            campaignId, kind, status, organizationId, !ObserverAccess.handlesIndependent(caller));
    return campaigns
        .visibleTo(caller, campaignId)
        .then(requireSeen(caller, organizationId))
        .then(
            Mono.zip(
                store.count(filter, scope),
                store.page(filter, scope, paging).collectList(),
                Page::new));
  }

  /** Proposes a public observer (an organization) or appoints an independent one (the region). */
  Mono<ObserverInfo> create(Caller caller, long campaignId, NewObserver observer) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                caller.role() == Role.ORGANIZATION
                    ? propose(caller, campaign, List.of(observer))
                        .flatMap(ids -> store.byId(ids.get(0)))
                    : appoint(caller, campaign, observer));
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
  Mono<Integer> proposeFromWorkbook(Caller caller, long campaignId, Flux<DataBuffer> body) {
    return requireProposing(caller, campaignId)
        .flatMap(
            campaign ->
                blobs.withStaged(
                    body,
                    MAX_WORKBOOK_BYTES,
                    file ->
                        Mono.fromCallable(
                                () -> {
                                  if (!WorkbookReader.looksLikeXlsx(file)) {
                                    throw new UnsupportedTypeException(
                                        "Загрузите книгу Excel (.xlsx) по шаблону: полученный файл"
                                            + " ею не является");
                                  }
                                  return CandidatesWorkbook.read(file);
                                })
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

  private Mono<List<Long>> propose(
      Caller caller, CampaignInfo campaign, List<NewObserver> observers) {
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

  private Mono<ObserverInfo> appoint(Caller caller, CampaignInfo campaign, NewObserver observer) {
    if (!ObserverAccess.handlesIndependent(caller)) {
      return Mono.error(new AccessDeniedException());
    }
    if (observer.kind() != ObserverInfo.Kind.INDEPENDENT) {
      return Mono.error(
          new UnprocessableException(
              "kind",
              "Общественных наблюдателей предлагают организации; координатор назначает"
                  + " независимых"));
    }
    String region = caller.isFederal() ? observer.regionCode() : caller.regionCode();
    List<FieldProblem> problems =
        new java.util.ArrayList<>(
            ObserverRules.asFields(
                ObserverRules.check(
                    observer.fullName(),
                    observer.phone(),
                    observer.email(),
                    observer.workplace())));
    if (region == null) {
      problems.add(FieldProblem.of("regionCode", "Укажите регион наблюдателя"));
    } else if (!campaign.regionCodes().contains(region)) {
      return Mono.error(new NotFoundException("Регион «" + region + "» не участвует в кампании"));
    }
    if (!problems.isEmpty()) {
      return Mono.error(new UnprocessableException("Наблюдатель не назначен", problems));
    }
    Mono<Void> workplace =
        observer.workplaceOrganizationId() == null
            ? Mono.empty()
            : organizations
                .byId(observer.workplaceOrganizationId())
                .filter(o -> o.regionCode().equals(region))
                .switchIfEmpty(
                    Mono.error(
                        () ->
                            new NotFoundException(
                                "Организация "
                                    + observer.workplaceOrganizationId()
                                    + " не найдена в регионе")))
                .then();
    return workplace
        .then(schedule.requireConductNotClosed(campaign.id(), region, null))
        .thenMany(
            store.insert(
                campaign.id(),
                List.of(observer),
                ObserverInfo.Status.ACCEPTED,
                null,
                region,
                caller.login(),
                schedule.now()))
        .next()
        .flatMap(store::byId)
        .as(tx::transactional);
  }

  Mono<ObserverInfo> decide(Caller caller, long observerId, boolean accept, String reason) {
    return visible(caller, observerId)
        .flatMap(
            observer -> {
              if (caller.role() == Role.ORGANIZATION) {
                return Mono.error(new AccessDeniedException());
              }
              if (!accept && ObserverRules.clean(reason) == null) {
                return Mono.error(
                    new UnprocessableException("reason", "Укажите причину отказа кандидату"));
              }
              return store
                  .decide(
                      observerId,
                      accept ? ObserverInfo.Status.ACCEPTED : ObserverInfo.Status.REJECTED,
                      accept ? null : ObserverRules.clean(reason),
                      schedule.now())
                  .flatMap(
                      decided ->
                          decided
                              ? store.byId(observerId)
                              : Mono.error(
                                  new ConflictException(
                                      "Решение по кандидату уже принято: "
                                          + (observer.status() == ObserverInfo.Status.ACCEPTED
                                              ? "он принят"
                                              : "ему отказано"))));
            });
  }

  /** Issues the observer's login and a new password; the password is answered only here. */
  Mono<Credentials> issueAccount(Caller caller, long observerId) {
    return visible(caller, observerId)
        .flatMap(
            observer -> {
              if (caller.role() == Role.ORGANIZATION) {
                return Mono.error(new AccessDeniedException());
              }
              if (observer.status() != ObserverInfo.Status.ACCEPTED) {
                return Mono.error(
                    new ConflictException(
                        "Учётную запись выдают только принятому наблюдателю: сначала примите"
                            + " кандидата"));
              }
              String login =
                  observer.login() != null
                      ? observer.login()
                      : "obs%s%06d".formatted(observer.regionCode(), observer.id());
              return identity
                  .issueAccount(
                      login, observer.fullName(), Role.OBSERVER, observer.regionCode(), null, null)
                  .switchIfEmpty(
                      Mono.error(
                          () ->
                              new ConflictException(
                                  "Логин «" + login + "» занят другой учётной записью")))
                  .flatMap(
                      password ->
                          store
                              .setLogin(observerId, login)
                              .thenReturn(new Credentials(login, password)))
                  .as(tx::transactional);
            });
  }

  /** The observer if the caller sees it; otherwise 404, as if it did not exist. */
  Mono<ObserverInfo> visible(Caller caller, long observerId) {
    return store
        .byId(observerId)
        .filter(o -> ObserverAccess.sees(caller, o))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Наблюдатель " + observerId + " не найден")));
  }

  private Mono<OrganizationRef> requireSeen(Caller caller, Long organizationId) {
    if (organizationId == null) {
      return Mono.empty();
    }
    return organizations
        .byId(organizationId)
        .filter(o -> Visibility.of(caller).seesOrganization(o))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Организация " + organizationId + " не найдена")));
  }
}
