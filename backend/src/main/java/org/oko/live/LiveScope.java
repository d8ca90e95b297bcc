package org.oko.live;

/**
 * What a subscription watches: one campaign at one level. Every session of one scope shares its
 * figures, so a change is read from the database once per scope, however many watch it.
 *
 * @param regionCode null for {@link Level#REGION} (every region of the campaign)
 */
record LiveScope(long campaignId, Level level, String regionCode) {

  /** The contract's {@code ScanProgressLevel}. */
  enum Level {
    REGION,
    ORGANIZATION,
    BATCH
  }
}
