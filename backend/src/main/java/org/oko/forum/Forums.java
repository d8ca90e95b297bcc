package org.oko.forum;

import java.util.List;

/**
 * Which forums a query looks in: one (a campaign's, or the general one when {@code campaignId} is
 * null), or every one the reader reads ({@code all}; for a college, {@code campaigns}).
 */
record Forums(boolean all, Long campaignId, List<Long> campaigns) {

  static Forums one(Long campaignId) {
    return new Forums(false, campaignId, null);
  }

  static Forums everyVisible(List<Long> collegeCampaigns) {
    return new Forums(true, null, collegeCampaigns);
  }
}
