package org.oko.observers;

import java.time.Instant;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Seed 000, the regional coordinator: «Собирает и передает ОИВ и Федеральному организатору
 * служебные записки о нарушениях». The hand-over to the region's education authority (ОИВ) is kept
 * apart from the one to the federal organizer ({@link ViolationHandoverService}): its own record
 * (to which authority, by which letter, when, by whom), its own status (passed or not, late or not,
 * by the same roadmap deadline) and its own register of the acts it carried. The authority has no
 * account here, so nobody is notified: the coordinator records what went out.
 */
@Service
class AuthorityHandoverService {

  static final int MAX_AUTHORITY = 300;
  static final int MAX_REFERENCE = 100;

  private final AuthorityHandoverStore store;
  private final ViolationHandoverStore summaries;
  private final ActStore acts;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final Schedule schedule;
  private final TransactionalOperator tx;

  AuthorityHandoverService(
      AuthorityHandoverStore store,
      ViolationHandoverStore summaries,
      ActStore acts,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      Schedule schedule,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.summaries = summaries;
    this.acts = acts;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.schedule = schedule;
    this.tx = TransactionalOperator.create(transactions);
  }

  /**
   * «Передано в ОИВ»: the region's summary now, with the authority and the letter (again replaces).
   */
  Mono<AuthorityHandoverStore.Row> handOver(
      Caller caller, long campaignId, String authority, String reference) {
    if (caller.role() != Role.REGIONAL) {
      return Mono.error(new AccessDeniedException());
    }
    String to = ObserverRules.clean(authority);
    String letter = ObserverRules.clean(reference);
    if (to == null || to.length() > MAX_AUTHORITY) {
      return Mono.error(
          new InvalidRequestException(
              "authority",
              "Укажите орган исполнительной власти, которому переданы сведения (до "
                  + MAX_AUTHORITY
                  + " символов)"));
    }
    if (letter != null && letter.length() > MAX_REFERENCE) {
      return Mono.error(
          new InvalidRequestException(
              "reference", "Реквизиты письма — не длиннее " + MAX_REFERENCE + " символов"));
    }
    String region = caller.regionCode();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(schedule.violationsDeadline(campaignId, region).map(Deadline::of))
        .defaultIfEmpty(Deadline.NONE)
        .flatMap(
            deadline -> {
              Instant now = schedule.now();
              return summaries
                  .summary(campaignId, region)
                  .flatMap(
                      summary ->
                          store.upsert(
                              campaignId,
                              region,
                              to,
                              letter,
                              summary,
                              caller.login(),
                              now,
                              deadline))
                  .as(tx::transactional);
            })
        .then(status(caller, campaignId, region));
  }

  /**
   * The region's hand-over to its authority: the regional coordinator's own; the federal organizer
   * names the region. A region that has not passed is late once its deadline is past.
   */
  Mono<AuthorityHandoverStore.Row> status(Caller caller, long campaignId, String regionCode) {
    return region(caller, campaignId, regionCode)
        .flatMap(region -> store.row(campaignId, region))
        .flatMap(row -> row.handedAt() != null ? Mono.just(row) : judged(campaignId, row));
  }

  /** A row not passed yet, late once its deadline is past. */
  private Mono<AuthorityHandoverStore.Row> judged(long campaignId, AuthorityHandoverStore.Row row) {
    return schedule
        .violationsDeadline(campaignId, row.regionCode())
        .map(at -> row.withDeadline(at, schedule.now().isAfter(at)))
        .defaultIfEmpty(row);
  }

  /** The register for the authority: the hand-over on its first sheet, the acts on the second. */
  Mono<byte[]> register(Caller caller, long campaignId, String regionCode) {
    return status(caller, campaignId, regionCode)
        .flatMap(
            row ->
                organizations
                    .narrowed(Visibility.of(caller), row.regionCode(), null)
                    .flatMapMany(scope -> acts.actsWithViolations(campaignId, scope))
                    .collectList()
                    .flatMap(list -> ActRegisterWorkbook.forAuthority(row, list)));
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
