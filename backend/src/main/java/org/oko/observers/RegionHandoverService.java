package org.oko.observers;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seed 000, the regional coordinator: «Собирает и передает ОИВ и Федеральному организатору
 * служебные записки о нарушениях». One hand-over per region and {@link HandoverKind}: the region's
 * summary of acts with violations at that moment, who passed it, when, on time or late by the
 * roadmap's deadline (passing again replaces it). To the federal organizer it also raises {@link
 * ObserverViolationsHandedOver} in the same transaction (the federal organizers' notifications);
 * the education authority (ОИВ) has no account here, so its record names the authority and the
 * letter, and its register {@code .xlsx} is what the coordinator sends.
 */
@Service
class RegionHandoverService {

  static final int MAX_AUTHORITY = 300;
  static final int MAX_REFERENCE = 100;

  /** The regions' hand-overs of one kind, with how many passed and how many are late. */
  record Board(List<RegionHandover> items) {

    int passed() {
      return (int) items.stream().filter(RegionHandover::passed).count();
    }

    int late() {
      return (int) items.stream().filter(RegionHandover::late).count();
    }
  }

  private final RegionHandoverStore store;
  private final ActStore acts;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final Schedule schedule;
  private final Outbox outbox;
  private final TransactionalOperator tx;

  RegionHandoverService(
      RegionHandoverStore store,
      ActStore acts,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      Schedule schedule,
      Outbox outbox,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.acts = acts;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.schedule = schedule;
    this.outbox = outbox;
    this.tx = TransactionalOperator.create(transactions);
  }

  /**
   * «Передать сведения о нарушениях» (FEDERAL) or «Передано в ОИВ» (AUTHORITY, with the authority
   * and the letter): the regional coordinator's own region, its summary now.
   */
  Mono<RegionHandover> handOver(
      Caller caller, long campaignId, HandoverKind kind, RegionHandoverStore.Letter letter) {
    if (caller.role() != Role.REGIONAL) {
      return Mono.error(new AccessDeniedException());
    }
    String region = caller.regionCode();
    return checked(kind, letter)
        .flatMap(
            to ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .then(schedule.violationsDeadline(campaignId, region).map(Deadline::of))
                    .defaultIfEmpty(Deadline.NONE)
                    .flatMap(deadline -> record(caller, campaignId, kind, to, deadline)))
        .then(rows(kind, campaignId, List.of(region)).next());
  }

  /** The authority's name is required and both fit their columns; the federal kind has none. */
  private static Mono<RegionHandoverStore.Letter> checked(
      HandoverKind kind, RegionHandoverStore.Letter letter) {
    if (kind == HandoverKind.FEDERAL) {
      return Mono.just(RegionHandoverStore.Letter.NONE);
    }
    String to = ObserverRules.clean(letter.authority());
    String reference = ObserverRules.clean(letter.reference());
    if (to == null || to.length() > MAX_AUTHORITY) {
      return Mono.error(
          new InvalidRequestException(
              "authority",
              "Укажите орган исполнительной власти, которому переданы сведения (до "
                  + MAX_AUTHORITY
                  + " символов)"));
    }
    if (reference != null && reference.length() > MAX_REFERENCE) {
      return Mono.error(
          new InvalidRequestException(
              "reference", "Реквизиты письма — не длиннее " + MAX_REFERENCE + " символов"));
    }
    return Mono.just(new RegionHandoverStore.Letter(to, reference));
  }

  /** The summary now recorded as passed, and for the federal organizer the event, in one go. */
  private Mono<Void> record(
      Caller caller,
      long campaignId,
      HandoverKind kind,
      RegionHandoverStore.Letter letter,
      Deadline deadline) {
    String region = caller.regionCode();
    Instant now = schedule.now();
    return store
        .summary(campaignId, region)
        .flatMap(
            summary ->
                store
                    .upsert(
                        kind, campaignId, region, letter, summary, caller.login(), now, deadline)
                    .then(
                        kind == HandoverKind.FEDERAL
                            ? told(caller, campaignId, summary, deadline, now)
                            : Mono.empty()))
        .as(tx::transactional);
  }

  /** The event that tells the federal organizers a region passed its violations. */
  private Mono<Void> told(
      Caller caller,
      long campaignId,
      RegionHandoverStore.Summary summary,
      Deadline deadline,
      Instant now) {
    String region = caller.regionCode();
    return outbox.append(
        ObserverViolationsHandedOver.TOPIC,
        campaignId + ":" + region,
        new ObserverViolationsHandedOver(
            campaignId,
            region,
            summary.regionName(),
            summary.acts(),
            summary.points(),
            deadline.passedAt(now),
            now,
            caller.login()));
  }

  /** Every region of the campaign for the federal organizer; the caller's own for a region. */
  Mono<Board> board(Caller caller, long campaignId, HandoverKind kind) {
    if (caller.role() != Role.FEDERAL && caller.role() != Role.REGIONAL) {
      return Mono.error(new AccessDeniedException());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMapMany(
            campaign ->
                rows(
                    kind,
                    campaignId,
                    caller.role() == Role.FEDERAL
                        ? campaign.regionCodes()
                        : List.of(caller.regionCode())))
        .collectList()
        .map(Board::new);
  }

  /**
   * One region's hand-over of this kind: the regional coordinator's own; the federal organizer
   * names the region.
   */
  Mono<RegionHandover> status(
      Caller caller, long campaignId, HandoverKind kind, String regionCode) {
    return region(caller, campaignId, regionCode)
        .flatMap(region -> rows(kind, campaignId, List.of(region)).next());
  }

  /** The register for the authority: the hand-over on its first sheet, the acts on the second. */
  Mono<byte[]> authorityRegister(Caller caller, long campaignId, String regionCode) {
    return status(caller, campaignId, HandoverKind.AUTHORITY, regionCode)
        .flatMap(
            row ->
                organizations
                    .narrowed(Visibility.of(caller), row.regionCode(), null)
                    .flatMapMany(scope -> acts.actsWithViolations(campaignId, scope))
                    .collectList()
                    .flatMap(list -> ActRegisterWorkbook.forAuthority(row, list)));
  }

  /**
   * The rows with their deadlines: a region that has not passed is late once its deadline is past;
   * one that has keeps the mark it got when it passed.
   */
  private Flux<RegionHandover> rows(HandoverKind kind, long campaignId, List<String> regions) {
    Instant now = schedule.now();
    return store
        .board(kind, campaignId, regions)
        .concatMap(
            row ->
                row.passed()
                    ? Mono.just(row)
                    : schedule
                        .violationsDeadline(campaignId, row.regionCode())
                        .map(deadline -> row.withDeadline(deadline, now.isAfter(deadline)))
                        .defaultIfEmpty(row));
  }

  /** The region asked about, if the caller may see it in this campaign; 404 otherwise. */
  private Mono<String> region(Caller caller, long campaignId, String regionCode) {
    if (caller.role() != Role.FEDERAL && caller.role() != Role.REGIONAL) {
      return Mono.error(new AccessDeniedException());
    }
    String region = regionCode != null ? regionCode : caller.regionCode();
    if (region == null) {
      return Mono.error(new InvalidRequestException("regionCode", "Укажите регион"));
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .filter(
            campaign ->
                campaign.regionCodes().contains(region) && Visibility.of(caller).seesRegion(region))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("Регион «" + region + "» не найден")))
        .thenReturn(region);
  }
}
