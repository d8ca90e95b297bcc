package org.oko.campaigns;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Who takes part in campaigns, which the sample knows: an organization takes part once its entry is
 * selected and the sample is published to its region. Campaigns asks through this interface,
 * implemented by the sample feature, because the sample depends on campaigns and not the other way
 * round (as identity asks {@code ParticipantCredentials}).
 */
public interface CampaignParticipants {

  /** The campaigns the organization takes part in (an organization sees only those). */
  Mono<List<Long>> campaignsOf(long organizationId);

  /** The regions of the campaign that have a preliminary list, in order of their codes. */
  Mono<List<String>> regionsWithLists(long campaignId);
}
