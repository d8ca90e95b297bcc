package org.oko.observers;

import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Observers of both kinds: the coordinator sees its scope's candidates and accepts or rejects them
 * (proposing them is {@link CandidateService}), the region appoints independent ones; an accepted
 * observer gets a login.
 */
@Service
class ObserverService {

  record Page(long total, List<ObserverInfo> items) {}

  record Credentials(String login, String password) {}

  private final ObserverStore store;
  private final CandidateService candidates;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final IdentityAdmin identity;
  private final Schedule schedule;
  private final TransactionalOperator tx;

  ObserverService(
      ObserverStore store,
      CandidateService candidates,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      IdentityAdmin identity,
      Schedule schedule,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.candidates = candidates;
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
                    ? candidates
                        .propose(caller, campaign, List.of(observer))
                        .flatMap(ids -> store.byId(ids.get(0)))
                    : appoint(caller, campaign, observer));
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
                .switchIfEmpty(Mono.error(() -> workplaceNotFound(observer)))
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
                  .filter(decided -> decided)
                  .switchIfEmpty(Mono.error(() -> alreadyDecided(observer)))
                  .flatMap(decided -> store.byId(observerId));
            });
  }

  private static NotFoundException workplaceNotFound(NewObserver observer) {
    return new NotFoundException(
        "Организация " + observer.workplaceOrganizationId() + " не найдена в регионе");
  }

  private static ConflictException alreadyDecided(ObserverInfo observer) {
    return new ConflictException(
        "Решение по кандидату уже принято: "
            + (observer.status() == ObserverInfo.Status.ACCEPTED ? "он принят" : "ему отказано"));
  }

  private static ConflictException loginTaken(String login) {
    return new ConflictException("Логин «" + login + "» занят другой учётной записью");
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
                  .switchIfEmpty(Mono.error(() -> loginTaken(login)))
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
