package org.oko.scans;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scans.SchemeStore.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The answer-sheet schemes of a campaign's subjects: what the collector expects of a work. */
@Service
class SchemeService {

  /** A stored scheme with its subject's name in the campaign. */
  record NamedScheme(Stored stored, String subjectName) {}

  private final CampaignDirectory campaigns;
  private final CollectorService collector;
  private final SchemeStore store;
  private final SchemeDirectory schemes;
  private final ScoredWorks scoredWorks;
  private final TransactionalOperator tx;
  private final Clock clock;

  SchemeService(
      CampaignDirectory campaigns,
      CollectorService collector,
      SchemeStore store,
      SchemeDirectory schemes,
      ScoredWorks scoredWorks,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.collector = collector;
    this.store = store;
    this.schemes = schemes;
    this.scoredWorks = scoredWorks;
    this.tx = tx;
    this.clock = clock;
  }

  /** Every scheme of the campaign, by subject, for the readers of the collector. */
  Mono<Flux<NamedScheme>> list(Caller caller, long campaignId) {
    ScanAccess.requireReader(caller);
    return collector
        .campaign(caller, campaignId)
        .map(campaign -> store.list(campaignId).map(stored -> named(campaign, stored)));
  }

  /**
   * Stores the scheme of the campaign's subject; the scheme is read only once the subject is known.
   */
  Mono<NamedScheme> put(Caller caller, long campaignId, String subjectKey, Mono<Scheme> input) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign -> {
              CollectorService.requireSubject(campaign, subjectKey);
              return input.flatMap(
                  scheme ->
                      put(scheme, caller.login())
                          .map(at -> named(campaign, new Stored(scheme, at))));
            });
  }

  /**
   * Stores the scheme. Once any work of the subject has been scored, a scheme that differs from the
   * stored one is refused (scores already given would no longer match the criteria); storing the
   * same scheme again is harmless. Emits when the stored scheme last changed.
   */
  private Mono<Instant> put(Scheme scheme, String login) {
    SchemeRules.check(scheme);
    Instant now = clock.instant();
    return store
        .lock(scheme.campaignId(), scheme.subjectKey())
        .then(schemes.of(scheme.campaignId(), scheme.subjectKey()).map(Optional::of))
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            old ->
                old.isPresent() && scheme.equals(old.get())
                    ? store.updatedAt(scheme)
                    : replace(scheme, login, now))
        .as(tx::transactional);
  }

  private Mono<Instant> replace(Scheme scheme, String login, Instant now) {
    return scoredWorks
        .anyScored(scheme.campaignId(), scheme.subjectKey())
        .flatMap(
            scored ->
                scored
                    ? Mono.error(
                        new ConflictException(
                            "Работы по этому предмету уже оценены экспертами —"
                                + " схему бланка менять нельзя"))
                    : store.upsert(scheme, login, now).thenReturn(now));
  }

  private static NamedScheme named(CampaignInfo campaign, Stored stored) {
    String key = stored.scheme().subjectKey();
    String name =
        campaign.subjects().stream()
            .filter(subject -> subject.key().equals(key))
            .map(subject -> subject.name())
            .findFirst()
            .orElse(key);
    return new NamedScheme(stored, name);
  }
}
