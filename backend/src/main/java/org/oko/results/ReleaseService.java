package org.oko.results;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.oko.results.ReportViews.Release;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The release of a campaign's reports to a region (federal), and the list of releases: the first
 * release of a region is recorded with a {@link ReportReleased} event in the same transaction.
 */
@Service
class ReleaseService {

  private final CampaignDirectory campaigns;
  private final ReleaseStore reports;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  ReleaseService(
      CampaignDirectory campaigns,
      ReleaseStore reports,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<Release> release(Caller caller, long campaignId, String regionCode) {
    ReportAccess.requireFederal(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .filter(c -> c.regionCodes().contains(regionCode))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Регион " + regionCode + " не участвует в кампании")))
        .flatMap(c -> release(campaignId, regionCode, caller.login()))
        .then(reports.releases(campaignId, regionCode).next());
  }

  /** Records the release (once) and its event; for the API and for data loaded without one. */
  Mono<Void> release(long campaignId, String regionCode, String by) {
    Instant at = clock.instant();
    return reports
        .release(campaignId, regionCode, at, by)
        .flatMap(
            first ->
                first
                    ? outbox.append(
                        ReportReleased.TOPIC,
                        campaignId + "/" + regionCode,
                        new ReportReleased(campaignId, regionCode, at, by))
                    : Mono.<Void>empty())
        .as(tx::transactional);
  }

  Mono<List<Release>> releases(Caller caller, long campaignId) {
    return switch (caller.role()) {
      case FEDERAL ->
          campaigns
              .visibleTo(caller, campaignId)
              .then(reports.releases(campaignId, null).collectList());
      case REGIONAL, API_CLIENT ->
          campaigns
              .visibleTo(caller, campaignId)
              .then(reports.releases(campaignId, caller.regionCode()).collectList());
      default -> Mono.error(new AccessDeniedException());
    };
  }
}
