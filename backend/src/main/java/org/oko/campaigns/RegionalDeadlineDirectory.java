package org.oko.campaigns;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.oko.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * The regions' own deadlines, as {@link StageGate} and the campaign pages apply them. Implemented
 * by the feature that owns the regional roadmaps ({@code org.oko.roadmaps}), so the schedule does
 * not read its tables: when a region's roadmap has several deadlines in one stage, the latest of
 * them closes the stage (the earlier ones are intermediate steps), and a roadmap without a deadline
 * in a stage leaves the federal window as it is. A deadline may name whom it binds (issue 19:
 * municipal or responsible coordinators, organizations, the scanning centre, experts): then it
 * closes the stage for them only ({@code who}); with {@code who} null, only the deadlines that bind
 * everyone count.
 */
public interface RegionalDeadlineDirectory {

  /** The deadline that closes {@code stage} for the region, or empty if the roadmap sets none. */
  Mono<RegionalDeadline> closing(long campaignId, Stage stage, String regionCode);

  /**
   * The deadline that closes {@code stage} for {@code who} in the region: the latest of those that
   * bind everyone or {@code who}'s kind (null: everyone's only).
   */
  default Mono<RegionalDeadline> closing(
      long campaignId, Stage stage, String regionCode, Role who) {
    return closing(campaignId, stage, regionCode);
  }

  /** {@link #closingIn(Collection, String)} as {@code who} in the region sees them. */
  default Mono<Map<Long, List<RegionalDeadline>>> closingIn(
      Collection<Long> campaignIds, String regionCode, Role who) {
    return closingIn(campaignIds, regionCode);
  }

  /** Every stage's closing deadline for the region, by campaign (campaigns without one absent). */
  Mono<Map<Long, List<RegionalDeadline>>> closingIn(
      Collection<Long> campaignIds, String regionCode);
}
