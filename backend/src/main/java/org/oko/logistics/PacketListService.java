package org.oko.logistics;

import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The accepted return delivery packets of a campaign as the caller sees them, latest first. */
@Service
class PacketListService {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final PacketStore packets;

  PacketListService(
      CampaignDirectory campaigns, OrganizationDirectory organizations, PacketStore packets) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.packets = packets;
  }

  /**
   * The packets in the caller's scope, narrowed by region and organization (each 404 if foreign).
   */
  Mono<Listing<PacketStore.Accepted>> list(
      Caller caller, long campaignId, String regionCode, Long organizationId, Paging paging) {
    Visibility visibility = Visibility.of(caller);
    if (regionCode != null && !visibility.seesRegion(regionCode)) {
      return Mono.error(new NotFoundException("Регион «" + regionCode + "» не найден"));
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            // The organization is visible, so it narrows the list more than the scope.
            organizations.narrowedTo(
                visibility,
                organizationId,
                id -> new PacketStore.Filter(visibility, regionCode, id),
                () -> new NotFoundException("Организация " + organizationId + " не найдена")))
        .flatMap(
            f -> Listing.of(packets.page(campaignId, f, paging), packets.count(campaignId, f)));
  }
}
