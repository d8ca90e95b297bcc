package org.oko.scans;

import java.util.Collection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Upload and checking figures, counted from the sheets themselves (never from event deltas, so a
 * duplicate or lost event cannot skew them). The REST progress endpoint and the live WebSocket both
 * read them here.
 */
@Component
public class ScanProgress {

  /** Current sheets (not REPLACED) by status group, as in the contract's {@code SheetCounts}. */
  public record Counts(
      long uploaded,
      long processing,
      long accepted,
      long errors,
      long assigned,
      long scored,
      long verified) {}

  /**
   * One row of a progress view.
   *
   * @param key the region code, organization id or batch id (as text), by level
   */
  public record Row(
      String key,
      String name,
      String regionCode,
      Long organizationId,
      Long batchId,
      Counts sheets) {}

  /**
   * Per region, for FEDERAL.
   *
   * @param subjectKey null for every subject
   * @param regionCodes only these regions; null for every region of the campaign
   */
  public Flux<Row> byRegion(long campaignId, String subjectKey, Collection<String> regionCodes) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }

  /**
   * Per organization of a region (those with at least one batch).
   *
   * @param organizationIds only these organizations; null for every one
   */
  public Flux<Row> byOrganization(
      long campaignId, String regionCode, String subjectKey, Collection<Long> organizationIds) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }

  /**
   * Per batch of a region, newest first (at most the latest 500 when {@code batchIds} is null), for
   * a scanning centre.
   */
  public Flux<Row> byBatch(long campaignId, String regionCode, Collection<Long> batchIds) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }
}
