package org.oko.publications;

import java.time.Clock;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.security.Caller;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The author's choice of what a publication carries as «Сбор данных» (issue 20): any form of its
 * campaign, or protocol 1 (ОМК) or the codes protocol (ВПР), so that an instruction's «откройте
 * публикацию … блок „Сбор данных“» leads to the very form. Its author only (403 for another, 404
 * for what the caller may not read), at any time: it is a way to a form, not a material.
 */
@Service
class DataCollectionService {

  private final PublicationAccess access;
  private final PublicationService publications;
  private final CampaignDirectory campaigns;
  private final DataCollectionStore store;
  private final TransactionalOperator tx;
  private final Clock clock;

  DataCollectionService(
      PublicationAccess access,
      PublicationService publications,
      CampaignDirectory campaigns,
      DataCollectionStore store,
      TransactionalOperator tx,
      Clock clock) {
    this.access = access;
    this.publications = publications;
    this.campaigns = campaigns;
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  /** Sets the block; 422 and nothing written when the campaign has no such form or tool. */
  Mono<PublicationService.Shown> set(
      Caller caller, long id, DataCollectionBlock.Kind kind, Long formId, String subjectKey) {
    DataCollectionBlock block =
        kind == DataCollectionBlock.Kind.FORM
            ? new DataCollectionBlock(id, kind, formId, null, null)
            : new DataCollectionBlock(id, kind, null, null, blankToNull(subjectKey));
    return access
        .authored(caller, id)
        .flatMap(p -> campaigns.visibleTo(caller, p.campaignId()))
        .flatMap(campaign -> formOf(block).flatMap(form -> checked(block, campaign, form)))
        .flatMap(
            checked -> store.put(checked, caller.login(), clock.instant()).as(tx::transactional))
        .then(publications.find(caller, id));
  }

  /** Takes the block away: the publication shows no «Сбор данных» of its own. */
  Mono<PublicationService.Shown> clear(Caller caller, long id) {
    return access
        .authored(caller, id)
        .flatMap(p -> store.clear(p.id()).as(tx::transactional))
        .then(publications.find(caller, id));
  }

  private Mono<Optional<DataCollectionStore.FormRef>> formOf(DataCollectionBlock block) {
    if (block.formId() == null) {
      return Mono.just(Optional.empty());
    }
    return store.form(block.formId()).map(Optional::of).defaultIfEmpty(Optional.empty());
  }

  private static Mono<DataCollectionBlock> checked(
      DataCollectionBlock block,
      CampaignInfo campaign,
      Optional<DataCollectionStore.FormRef> form) {
    String refusal = DataCollectionRules.refusal(block, campaign, form.orElse(null));
    return refusal == null
        ? Mono.just(block)
        : Mono.error(new UnprocessableException(fieldOf(block), refusal));
  }

  private static String fieldOf(DataCollectionBlock block) {
    if (block.kind() == DataCollectionBlock.Kind.FORM) {
      return "formId";
    }
    return block.subjectKey() == null ? "kind" : "subjectKey";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
