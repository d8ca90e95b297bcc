package org.oko.scans;

import java.time.Instant;
import org.oko.platform.events.EventTopic;

/**
 * A sheet changed status (it was uploaded, validated, replaced, given to experts, scored). The
 * validation pipeline consumes the {@code UPLOADED} ones; live status consumes them all.
 *
 * @param status the new status ({@code SheetStatus} of the contract)
 * @param previousStatus null for a new sheet
 */
public record SheetStatusChanged(
    long sheetId,
    long batchId,
    long campaignId,
    String subjectKey,
    long organizationId,
    String regionCode,
    String status,
    String previousStatus,
    Instant at) {

  public static final EventTopic TOPIC = new EventTopic("scans.SheetStatusChanged");

  /** Events of one organization stay in order. */
  public String key() {
    return Long.toString(organizationId);
  }
}
