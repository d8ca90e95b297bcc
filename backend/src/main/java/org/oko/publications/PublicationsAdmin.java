package org.oko.publications;

import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The «Сбор данных» blocks the system itself sets (the demo data), bypassing the request checks:
 * the caller vouches that the form belongs to the publication's campaign and the tool to its kind.
 */
@Component
public class PublicationsAdmin {

  private final DataCollectionStore blocks;
  private final Clock clock;

  PublicationsAdmin(DataCollectionStore blocks, Clock clock) {
    this.blocks = blocks;
    this.clock = clock;
  }

  /** The publication carries the form as its «Сбор данных». */
  public Mono<Void> carryForm(long publicationId, long formId) {
    return blocks.put(
        new DataCollectionBlock(publicationId, DataCollectionBlock.Kind.FORM, formId, null, null),
        "federal",
        clock.instant());
  }

  /** The publication carries the ВПР codes protocol of the subject (null: of every subject). */
  public Mono<Void> carryCodesProtocol(long publicationId, String subjectKey) {
    return blocks.put(
        new DataCollectionBlock(
            publicationId, DataCollectionBlock.Kind.CODES_PROTOCOL, null, null, subjectKey),
        "federal",
        clock.instant());
  }
}
