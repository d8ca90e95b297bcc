package org.oko.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.identity.CredentialsWorkbook;
import org.oko.identity.IdentityAdmin;
import org.oko.identity.IssuedCredential;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issues a hand-out (seed 000: the sample's logins go to the region's personal account): the
 * published sample of a campaign in a region, one municipality's part of it, or one organization;
 * the count is confirmed first; new passwords, the sealed list for the region and one per
 * municipality, the audit entry — one transaction.
 */
@Service
class HandoutService {

  /** What to issue for, as asked. */
  record Request(String regionCode, Long campaignId, Long municipalityId, Long organizationId) {}

  /** What a hand-out would do. */
  record Preview(int accounts, int resets, String scope, String message) {}

  /** The organizations chosen and what the choice is called. */
  private record Choice(
      Request request, CampaignInfo campaign, List<OrganizationRef> organizations, String scope) {}

  private final OrganizationDirectory organizations;
  private final CampaignDirectory campaigns;
  private final IdentityAdmin identity;
  private final HandoutStore store;
  private final AccountPlaceStore places;
  private final HandoutFileStore files;
  private final HandoutListingService reads;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionalOperator tx;

  HandoutService(
      OrganizationDirectory organizations,
      CampaignDirectory campaigns,
      IdentityAdmin identity,
      HandoutStore store,
      AccountPlaceStore places,
      HandoutFileStore files,
      HandoutListingService reads,
      AuditLog audit,
      Clock clock,
      ReactiveTransactionManager transactions) {
    this.organizations = organizations;
    this.campaigns = campaigns;
    this.identity = identity;
    this.store = store;
    this.places = places;
    this.files = files;
    this.reads = reads;
    this.audit = audit;
    this.clock = clock;
    this.tx = TransactionalOperator.create(transactions);
  }

  Mono<Preview> preview(Caller caller, Request request) {
    return choose(caller, request)
        .flatMap(choice -> resets(choice).map(resets -> preview(choice, resets)));
  }

  private static Preview preview(Choice choice, long resets) {
    int accounts = choice.organizations().size();
    return new Preview(
        accounts,
        (int) resets,
        choice.scope(),
        HandoutRules.previewMessage(accounts, resets, choice.request().regionCode()));
  }

  /** Issues what the caller confirmed; 409 (nothing issued) when the count has changed since. */
  Mono<HandoutListingService.View> issue(
      Caller caller, Request request, int confirmedCount, String clientAddress) {
    Instant now = clock.instant();
    return choose(caller, request)
        .flatMap(choice -> issued(caller, choice, confirmedCount, now, clientAddress))
        .flatMap(id -> reads.one(caller, id));
  }

  /** The confirmed choice issued in one transaction, its time in the region's zone. */
  private Mono<Long> issued(
      Caller caller, Choice choice, int confirmedCount, Instant now, String clientAddress) {
    HandoutRules.requireConfirmed(confirmedCount, choice.organizations().size());
    return Mono.zip(
            resets(choice),
            zone(choice.request().regionCode()),
            (resets, zone) ->
                record(caller, choice, resets.intValue(), now.atZone(zone), clientAddress))
        .flatMap(recorded -> tx.transactional(recorded));
  }

  private Mono<ZoneId> zone(String regionCode) {
    return organizations
        .zonesOf(List.of(regionCode))
        .map(zones -> zones.getOrDefault(regionCode, ZoneId.of("Europe/Moscow")));
  }

  private Mono<Long> record(
      Caller caller, Choice choice, int resets, ZonedDateTime now, String clientAddress) {
    return identity
        .issueOrganizationPasswords(choice.organizations())
        .flatMap(issued -> stored(caller, choice, issued, resets, now))
        .flatMap(id -> audit.record(issuedEntry(caller, choice, id, clientAddress)).thenReturn(id));
  }

  /** The whole list sealed and stored, then one sealed part per municipality. */
  private Mono<Long> stored(
      Caller caller, Choice choice, List<IssuedCredential> issued, int resets, ZonedDateTime now) {
    return sealed(issued, choice.scope(), now)
        .flatMap(
            whole -> store.insert(newHandout(caller, choice, issued.size(), resets, now), whole))
        .flatMap(id -> parts(id, issued, choice, now).thenReturn(id));
  }

  private static HandoutStore.NewHandout newHandout(
      Caller caller, Choice choice, int accounts, int resets, ZonedDateTime now) {
    Request request = choice.request();
    return new HandoutStore.NewHandout(
        request.campaignId(),
        choice.campaign() == null ? null : choice.campaign().title(),
        request.regionCode(),
        request.municipalityId(),
        request.organizationId(),
        choice.scope(),
        accounts,
        resets,
        caller.login(),
        caller.role().name(),
        now.toInstant());
  }

  private static AuditLog.Entry issuedEntry(
      Caller caller, Choice choice, long id, String clientAddress) {
    return new AuditLog.Entry(
        caller.login(),
        caller.role().name(),
        choice.request().regionCode(),
        "credentials.handout",
        "выдача "
            + id
            + ": "
            + choice.scope()
            + ": "
            + HandoutRules.logins(choice.organizations().size()),
        "success",
        clientAddress);
  }

  /** One sealed list per municipality, for the region to pass on. */
  private Mono<Void> parts(
      long handoutId, List<IssuedCredential> issued, Choice choice, ZonedDateTime at) {
    return Flux.fromIterable(HandoutRules.parts(issued))
        .concatMap(part -> storedPart(handoutId, part, choice, at))
        .then();
  }

  private Mono<Void> storedPart(
      long handoutId, HandoutRules.Part part, Choice choice, ZonedDateTime at) {
    return sealed(part.lines(), choice.scope() + ", " + part.municipalityName(), at)
        .flatMap(file -> store.insertPart(handoutId, choice.request().regionCode(), part, file));
  }

  private Mono<HandoutFileStore.Sealed> sealed(
      List<IssuedCredential> lines, String scope, ZonedDateTime at) {
    List<CredentialsWorkbook.Line> rows = lines.stream().map(CredentialsWorkbook.Line::of).toList();
    return Mono.fromCallable(() -> CredentialsWorkbook.write(rows, scope, at))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(files::seal);
  }

  private Mono<Long> resets(Choice choice) {
    return identity.countWithPassword(
        choice.organizations().stream().map(OrganizationRef::login).toList());
  }

  /** The organizations the request names, inside the caller's scope (404 outside it). */
  private Mono<Choice> choose(Caller caller, Request request) {
    Visibility scope = HandoutAccess.issuer(caller);
    if (request.organizationId() != null) {
      return organizations
          .byId(request.organizationId())
          .filter(o -> scope.seesOrganization(o) && o.regionCode().equals(request.regionCode()))
          .switchIfEmpty(
              Mono.error(
                  () ->
                      new NotFoundException(
                          "Организация " + request.organizationId() + " не найдена")))
          .map(
              org ->
                  new Choice(
                      request,
                      null,
                      List.of(org),
                      HandoutRules.scope(null, org.regionCode(), null, org.login())));
    }
    if (request.campaignId() == null) {
      return Mono.error(
          new UnprocessableException(
              "campaignId", "Выберите кампанию: логины выдаются по её опубликованной выборке"));
    }
    return organizations
        .narrowed(scope, request.regionCode(), request.municipalityId())
        .flatMap(
            narrowed ->
                campaigns
                    .visibleTo(caller, request.campaignId())
                    .flatMap(campaign -> sample(campaign, narrowed, request)));
  }

  private Mono<Choice> sample(CampaignInfo campaign, Visibility narrowed, Request request) {
    if (!campaign.regionCodes().contains(request.regionCode())) {
      return Mono.error(
          new UnprocessableException(
              "regionCode",
              "Регион "
                  + request.regionCode()
                  + " не участвует в кампании «"
                  + campaign.title()
                  + "»"));
    }
    return places
        .sampleOrganizations(campaign.id(), narrowed.condition())
        .collectList()
        .flatMap(
            orgs -> {
              String municipality =
                  request.municipalityId() == null || orgs.isEmpty()
                      ? null
                      : orgs.get(0).municipalityName();
              if (orgs.isEmpty()) {
                return Mono.error(
                    new UnprocessableException(
                        "campaignId",
                        "В опубликованной выборке кампании «"
                            + campaign.title()
                            + "» нет организаций "
                            + (request.municipalityId() == null
                                ? "региона " + request.regionCode()
                                : "этого муниципалитета")
                            + ": выдавать некому. Выборку публикует федеральный организатор."));
              }
              return Mono.just(
                  new Choice(
                      request,
                      campaign,
                      orgs,
                      HandoutRules.scope(
                          campaign.title(), request.regionCode(), municipality, null)));
            });
  }
}
