package org.oko.campaigns;

import org.oko.campaigns.CampaignStore.Viewer;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Campaigns for other features, always through the caller's eyes: a campaign the caller does not
 * take part in answers 404, as if it did not exist.
 */
@Component
public class CampaignDirectory {

  private final CampaignStore store;
  private final CampaignParticipants participants;

  CampaignDirectory(CampaignStore store, CampaignParticipants participants) {
    this.store = store;
    this.participants = participants;
  }

  /** The campaign if the caller takes part in it; otherwise a 404 error. */
  public Mono<CampaignInfo> visibleTo(Caller caller, long campaignId) {
    return viewerOf(caller)
        .flatMap(viewer -> store.find(campaignId, viewer))
        .map(CampaignRow::info)
        .switchIfEmpty(Mono.error(() -> notFound(campaignId)));
  }

  Mono<Viewer> viewerOf(Caller caller) {
    return switch (caller.role()) {
      case FEDERAL -> store.zoneOf(null).map(zone -> new Viewer(null, null, null, zone));
      // A scanning centre works for its whole region.
      case REGIONAL, MUNICIPAL, RESPONSIBLE, API_CLIENT, SCANNER ->
          store
              .zoneOf(caller.regionCode())
              .map(zone -> new Viewer(caller.regionCode(), null, null, zone));
      case ORGANIZATION ->
          Mono.zip(
              store.zoneOf(caller.regionCode()),
              participants.campaignsOf(caller.organizationId()),
              (zone, participating) ->
                  new Viewer(caller.regionCode(), caller.organizationId(), participating, zone));
      default -> Mono.error(new AccessDeniedException());
    };
  }

  static NotFoundException notFound(long campaignId) {
    return new NotFoundException("Кампания " + campaignId + " не найдена");
  }
}
