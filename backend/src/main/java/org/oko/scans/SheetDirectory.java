package org.oko.scans;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The accepted scans of works, for expert scoring. */
@Component
public class SheetDirectory {

  /** A work (one kit's pages) of an organization. */
  public record Work(long organizationId, String regionCode, long kitNumber) {}

  /** The current accepted-or-later sheet of one page of a work. */
  public record PageScan(int page, long sheetId, String blobKey, String contentType) {}

  /**
   * Works of a region's subject whose every page (per the scheme) has a current sheet that is
   * ACCEPTED (not yet given to experts), ordered by organization and kit.
   */
  public Flux<Work> completeUnassignedWorks(long campaignId, String regionCode, String subjectKey) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }

  /** The pages of a work that have a current accepted-or-later sheet, by page. */
  public Flux<PageScan> pagesOf(long campaignId, String subjectKey, long kitNumber) {
    throw new UnsupportedOperationException("TODO: collector helper");
  }
}
