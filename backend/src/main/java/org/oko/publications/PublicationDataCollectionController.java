package org.oko.publications;

import org.oko.api.PublicationDataCollectionApi;
import org.oko.api.model.DataCollectionInput;
import org.oko.api.model.Publication;
import org.oko.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The «Сбор данных» block of a publication (issue 20), the contract's {@code
 * publication-data-collection} tag: its author chooses or clears it ({@link
 * DataCollectionService}); the answer is the publication as {@link PublicationsController} shows
 * it.
 */
@RestController
class PublicationDataCollectionController implements PublicationDataCollectionApi {

  private final DataCollectionService blocks;
  private final PublicationMapper mapper;

  PublicationDataCollectionController(DataCollectionService blocks, PublicationMapper mapper) {
    this.blocks = blocks;
    this.mapper = mapper;
  }

  @Override
  public Mono<ResponseEntity<Publication>> setPublicationDataCollection(
      Long publicationId, Mono<DataCollectionInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(PublicationAccess.AUTHORS), body)
        .flatMap(
            t ->
                blocks.set(
                    t.getT1(),
                    publicationId,
                    PublicationMapper.blockKind(t.getT2().getKind()),
                    t.getT2().getFormId(),
                    t.getT2().getSubjectKey()))
        .flatMap(mapper::of)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Publication>> clearPublicationDataCollection(
      Long publicationId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(PublicationAccess.AUTHORS)
        .flatMap(caller -> blocks.clear(caller, publicationId))
        .flatMap(mapper::of)
        .map(ResponseEntity::ok);
  }
}
