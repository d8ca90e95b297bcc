package org.oko.kits;

import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The kit ranges of a campaign as the caller sees them; removing one. */
@Service
class KitRangeService {

  /** A page of ranges, and how many kits all the listed ranges hold. */
  record RangeListing(Listing<KitStore.Stored> ranges, long kits) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final KitStore store;

  KitRangeService(
      CampaignDirectory campaigns, OrganizationDirectory organizations, KitStore store) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.store = store;
  }

  /** The ranges of the points the caller sees, narrowed by subject and point (by login). */
  /** A page by number, or (keyset, {@code afterId} not null) the ranges after that id. */
  Mono<RangeListing> list(
      Caller caller,
      long campaignId,
      String subjectKey,
      String organization,
      Paging paging,
      Long afterId) {
    Visibility visibility = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            organizations.narrowedTo(
                visibility,
                organization,
                id -> new KitStore.Filter(subjectKey, visibility, id),
                () -> new NotFoundException("Организация «" + organization + "» не найдена")))
        .flatMap(
            f ->
                Mono.zip(
                    store.count(campaignId, f),
                    store.page(campaignId, f, paging, afterId).collectList(),
                    (counts, page) -> new RangeListing(new Listing<>(page, counts[0]), counts[1])));
  }

  /** Removes a range nobody has started a questionnaire with; 404 if there is no such range. */
  Mono<Void> delete(Caller caller, long campaignId, long rangeId) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> store.delete(campaignId, rangeId))
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new ConflictException(
                    "Участники уже начали анкетирование по комплектам этого диапазона — его"
                        + " нельзя удалить"))
        .flatMap(
            deleted ->
                deleted
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new NotFoundException("Диапазон комплектов " + rangeId + " не найден")));
  }
}
