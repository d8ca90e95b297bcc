package org.oko.accounts;

import org.oko.api.model.CredentialHandout;
import org.oko.api.model.CredentialHandoutPart;
import org.oko.api.model.CredentialHandoutPreview;
import org.oko.api.model.CredentialHandoutRequest;
import org.oko.platform.web.ApiTimes;
import org.springframework.web.server.ServerWebExchange;

/** The hand-out's domain records ↔ the contract's types. */
final class HandoutMapper {

  private HandoutMapper() {}

  static HandoutService.Request toRequest(CredentialHandoutRequest in) {
    return new HandoutService.Request(
        in.getRegionCode(), in.getCampaignId(), in.getMunicipalityId(), in.getOrganizationId());
  }

  static CredentialHandoutPreview toApi(HandoutService.Preview p) {
    return new CredentialHandoutPreview(p.accounts(), p.resets(), p.scope(), p.message());
  }

  static CredentialHandout toApi(HandoutListingService.View view) {
    HandoutStore.Handout h = view.handout();
    CredentialHandout out =
        new CredentialHandout(
            h.id(),
            h.regionCode(),
            h.scope(),
            h.accounts(),
            h.resets(),
            h.issuedBy(),
            ApiTimes.utc(h.issuedAt()),
            view.zone().getId(),
            view.downloadable(),
            view.parts().stream().map(HandoutMapper::toApi).toList());
    out.setCampaignId(h.campaignId());
    out.setCampaignTitle(h.campaignTitle());
    out.setMunicipalityId(h.municipalityId());
    out.setOrganizationId(h.organizationId());
    out.setDownloadedBy(h.downloadedBy());
    out.setDownloadedAt(ApiTimes.utc(h.downloadedAt()));
    return out;
  }

  private static CredentialHandoutPart toApi(HandoutListingService.PartView view) {
    HandoutStore.Part p = view.part();
    CredentialHandoutPart out =
        new CredentialHandoutPart(p.id(), p.accounts(), view.passable(), view.downloadable());
    out.setMunicipalityId(p.municipalityId());
    out.setMunicipalityName(
        p.municipalityName() == null ? HandoutRules.WITHOUT_MUNICIPALITY : p.municipalityName());
    out.setPassedBy(p.passedBy());
    out.setPassedAt(ApiTimes.utc(p.passedAt()));
    out.setDownloadedBy(p.downloadedBy());
    out.setDownloadedAt(ApiTimes.utc(p.downloadedAt()));
    return out;
  }

  static String clientAddress(ServerWebExchange exchange) {
    var remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
