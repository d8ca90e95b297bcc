package org.oko.scans;

import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may upload scans for an organization: a scanning specialist of its region, or the
 * organization itself when the region lets it scan locally. Everyone else may at most read (403).
 */
@Component
class UploadAccess {

  private final CampaignDirectory campaigns;
  private final LocalScanningStore local;

  UploadAccess(CampaignDirectory campaigns, LocalScanningStore local) {
    this.campaigns = campaigns;
    this.local = local;
  }

  /** 403 for a role that never uploads. */
  static void requireUploaderRole(Caller caller) {
    if (caller.role() != Role.SCANNER && caller.role() != Role.ORGANIZATION) {
      throw new AccessDeniedException();
    }
  }

  /**
   * The campaign as the caller sees it; a scanning specialist sees the campaigns of its region, as
   * its regional coordinator does.
   */
  Mono<CampaignInfo> campaign(Caller caller, long campaignId) {
    ScanAccess.requireReader(caller);
    if (caller.role() == Role.SCANNER) {
      return campaigns.visibleTo(
          new Caller(
              caller.login(), caller.displayName(), Role.REGIONAL, caller.regionCode(), null, null),
          campaignId);
    }
    return campaigns.visibleTo(caller, campaignId);
  }

  /** Completes if the caller may upload this organization's scans of the campaign. */
  Mono<Void> requireUploader(Caller caller, long campaignId, OrganizationRef organization) {
    requireUploaderRole(caller);
    if (caller.role() == Role.SCANNER) {
      return caller.seesRegion(organization.regionCode())
          ? Mono.empty()
          : Mono.error(notFound(organization.id()));
    }
    if (caller.organizationId() == null || caller.organizationId() != organization.id()) {
      return Mono.error(notFound(organization.id()));
    }
    return local
        .scansLocally(campaignId, organization.id())
        .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(new AccessDeniedException()));
  }

  static NotFoundException notFound(long organizationId) {
    return new NotFoundException("Организация " + organizationId + " не найдена");
  }
}
