package org.oko.live;

import org.oko.campaigns.CampaignDirectory;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which scope a subscription may watch. FEDERAL: every region (per region, or one region per
 * organization); REGIONAL and SCANNER: their own region only (a SCANNER also per batch); nobody
 * else. The campaign must be one the caller takes part in.
 */
@Component
class LiveAccess {

  /** The subscription is refused; the socket is closed with 1008. */
  static final class ForbiddenScope extends RuntimeException {
    ForbiddenScope(String message) {
      super(message, null, false, false);
    }
  }

  private final CampaignDirectory campaigns;

  LiveAccess(CampaignDirectory campaigns) {
    this.campaigns = campaigns;
  }

  /**
   * @param regionCode null: FEDERAL's view per region, the own region for the others
   * @param batches the SCANNER's view per batch
   */
  Mono<LiveScope> scope(Caller caller, long campaignId, String regionCode, boolean batches) {
    Role role = caller.role();
    if (role != Role.FEDERAL && role != Role.REGIONAL && role != Role.SCANNER) {
      return Mono.error(new ForbiddenScope("Живой статус доступен только организаторам и РЦОИ"));
    }
    String region = regionCode == null && role != Role.FEDERAL ? caller.regionCode() : regionCode;
    if (region != null && !caller.seesRegion(region)) {
      return Mono.error(new ForbiddenScope("Нет доступа к региону " + region));
    }
    LiveScope.Level level =
        region == null
            ? LiveScope.Level.REGION
            : (batches && role == Role.SCANNER
                ? LiveScope.Level.BATCH
                : LiveScope.Level.ORGANIZATION);
    // A scanning centre works for its whole region: it sees the region's campaigns as REGIONAL.
    Caller viewer =
        role == Role.SCANNER
            ? new Caller(
                caller.login(),
                caller.displayName(),
                Role.REGIONAL,
                caller.regionCode(),
                null,
                null)
            : caller;
    return campaigns
        .visibleTo(viewer, campaignId)
        .onErrorMap(e -> new ForbiddenScope("Кампания " + campaignId + " недоступна"))
        .flatMap(
            campaign ->
                region == null || campaign.regionCodes().contains(region)
                    ? Mono.just(new LiveScope(campaignId, level, region))
                    : Mono.error(
                        new ForbiddenScope("Регион " + region + " не участвует в кампании")));
  }
}
