package org.oko.publications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationDirectory;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publications: authors (FEDERAL, a region for its own) write drafts and publish them, now or at a
 * release time, each change in one transaction with its event; the audience reads them once
 * released.
 */
@Component
class PublicationService {

  /** A publication as one reader sees it, at the reader's instant. */
  record Shown(PublicationRow publication, Reader reader) {}

  /** One page of what a reader sees with how many in all, and how many of them are unread. */
  record Listed(Listing<PublicationRow> publications, long unread, Reader reader) {}

  /** A draft as its author writes it. */
  record Draft(long campaignId, String title, String body, PublicationAudience audience) {}

  private final PublicationStore store;
  private final PublicationAccess access;
  private final AttachmentStore attachments;
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;

  PublicationService(
      PublicationStore store,
      PublicationAccess access,
      AttachmentStore attachments,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      BlobStore blobs,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock) {
    this.store = store;
    this.access = access;
    this.attachments = attachments;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.blobs = blobs;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<Listed> list(Caller caller, Long campaignId, boolean onlyUnread, Paging paging) {
    Reader reader = Reader.of(caller, clock.instant());
    Mono<Listing<PublicationRow>> page =
        Listing.of(
            store.list(reader, campaignId, onlyUnread, paging),
            store.count(reader, campaignId, onlyUnread));
    return Mono.zip(page, store.unread(reader, campaignId))
        .map(listed -> new Listed(listed.getT1(), listed.getT2(), reader));
  }

  /** The publication if the caller may read it now; 404 otherwise. */
  Mono<Shown> find(Caller caller, long id) {
    Reader reader = Reader.of(caller, clock.instant());
    return access.readable(caller, id).map(row -> new Shown(row, reader));
  }

  Mono<Shown> create(Caller caller, Draft draft) {
    return campaigns
        .visibleTo(caller, draft.campaignId())
        .flatMap(
            campaign ->
                store.insert(
                    campaign.id(),
                    title(draft),
                    draft.body(),
                    AudienceRule.checked(draft.audience(), caller, campaign),
                    campaign.organizationKinds(),
                    caller,
                    clock.instant()))
        .flatMap(id -> find(caller, id));
  }

  Mono<Shown> update(Caller caller, long id, Draft draft) {
    return Mono.zip(
            access.editableDraft(caller, id), campaigns.visibleTo(caller, draft.campaignId()))
        .flatMap(
            t -> {
              PublicationRow current = t.getT1();
              CampaignInfo campaign = t.getT2();
              return store.update(
                  id,
                  current.version(),
                  campaign.id(),
                  title(draft),
                  draft.body(),
                  AudienceRule.checked(draft.audience(), caller, campaign),
                  campaign.organizationKinds());
            })
        .flatMap(
            updated ->
                updated ? find(caller, id) : Mono.error(PublicationAccess.changedMeanwhile()));
  }

  /** Deletes a draft, its rows first: a blob without a row is garbage, a row without one a 404. */
  Mono<Void> delete(Caller caller, long id) {
    return access
        .editableDraft(caller, id)
        .flatMap(
            p ->
                attachments
                    .blobKeys(p.id(), null)
                    .collectList()
                    .flatMap(
                        keys ->
                            store
                                .delete(p.id(), p.version())
                                .flatMap(
                                    deleted ->
                                        deleted
                                            ? Mono.just(keys)
                                            : Mono.error(PublicationAccess.changedMeanwhile()))))
        .flatMapMany(Flux::fromIterable)
        .concatMap(blobs::delete)
        .then();
  }

  /**
   * Publishes the draft at {@code releaseAt} (null: now), or at {@code releaseLocal} in each
   * audience region's zone ({@link ReleaseRules}), with its event.
   */
  Mono<Shown> publish(Caller caller, long id, Instant releaseAt, LocalDateTime releaseLocal) {
    if (releaseAt != null && releaseLocal != null) {
      return Mono.error(
          new UnprocessableException(
              "releaseLocal",
              "Укажите либо единый момент выпуска, либо местное время регионов, но не оба"));
    }
    Instant now = clock.instant();
    return access
        .publishable(caller, id)
        .flatMap(
            p -> {
              if (releaseLocal != null) {
                return localRelease(caller, p, releaseLocal, now)
                    .flatMap(first -> published(p, first, releaseLocal, caller.login()));
              }
              Instant release = releaseAt == null ? now : releaseAt;
              return release.isBefore(now)
                  ? Mono.error(
                      new UnprocessableException(
                          "releaseAt", "Время выпуска уже прошло: укажите время в будущем"))
                  : published(p, release, null, caller.login());
            })
        .then(find(caller, id));
  }

  /** The earliest region's moment of a release at local time; 422 if any region's is wrong. */
  private Mono<Instant> localRelease(
      Caller caller, PublicationRow p, LocalDateTime local, Instant now) {
    return campaigns
        .visibleTo(caller, p.campaignId())
        .map(c -> p.regionCodes().isEmpty() ? c.regionCodes() : p.regionCodes())
        .flatMap(organizations::zonesOf)
        .map(zones -> ReleaseRules.moments(local, zones, now))
        .map(moments -> moments.isEmpty() ? local.atZone(MOSCOW).toInstant() : moments.get(0).at());
  }

  private Mono<Void> published(
      PublicationRow p, Instant releaseAt, LocalDateTime releaseLocal, String by) {
    PublicationPublished event =
        new PublicationPublished(
            p.id(),
            p.campaignId(),
            p.title(),
            releaseAt,
            p.roles().stream().map(Enum::name).toList(),
            p.regionCodes(),
            p.sampleOnly(),
            by);
    return store
        .publish(p.id(), p.version(), releaseAt, releaseLocal)
        .flatMap(
            done ->
                done
                    ? outbox.append(PublicationPublished.TOPIC, String.valueOf(p.id()), event)
                    : Mono.<Void>error(PublicationAccess.changedMeanwhile()))
        .as(tx::transactional);
  }

  Mono<Void> markRead(Caller caller, long id) {
    return access
        .readable(caller, id)
        .flatMap(p -> store.markRead(p.id(), caller.login(), clock.instant()));
  }

  /** Deletes a draft's file: the row in the draft's transaction, then the blobs. */
  Mono<Void> deleteAttachment(Caller caller, long id, long attachmentId) {
    return access
        .editableDraft(caller, id)
        .flatMap(
            p ->
                attachments
                    .find(p.id(), attachmentId)
                    .switchIfEmpty(
                        Mono.error(
                            () -> new NotFoundException("Файл " + attachmentId + " не найден")))
                    .then(attachments.blobKeys(p.id(), attachmentId).collectList())
                    .flatMap(keys -> deleteRow(p, attachmentId).thenReturn(keys)))
        .flatMapMany(Flux::fromIterable)
        .concatMap(blobs::delete)
        .then();
  }

  private Mono<Void> deleteRow(PublicationRow p, long attachmentId) {
    return store
        .touchDraft(p.id(), p.version())
        .flatMap(
            current ->
                current
                    ? attachments.delete(p.id(), attachmentId).then()
                    : Mono.<Void>error(PublicationAccess.changedMeanwhile()))
        .as(tx::transactional);
  }

  private static String title(Draft draft) {
    String title = draft.title().strip();
    if (title.isEmpty()) {
      throw new UnprocessableException("title", "Укажите заголовок публикации");
    }
    return title;
  }
}
