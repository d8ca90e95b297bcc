package org.oko.kits;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The ВПР codes protocol of the calling school (seed 004, 6.13.2): its participant codes per
 * subject (a class's subject), as many as its submitted application says, unique in the campaign.
 * Names are never here: the school types them beside the codes in its browser or its file.
 */
@Service
class ParticipantCodeService {

  /** A school's codes of a subject and what the application allows. */
  record SchoolCodes(OrganizationRef school, Subject subject, Integer limit, List<String> codes) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final ApplicationParticipants applications;
  private final ParticipantCodeStore store;
  private final TransactionalOperator tx;
  private final Clock clock;

  ParticipantCodeService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      ApplicationParticipants applications,
      ParticipantCodeStore store,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.applications = applications;
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  /** The calling school's codes of the subject (none yet: an empty list). */
  Mono<SchoolCodes> list(Caller caller, long campaignId, String subjectKey) {
    return subjectOf(caller, campaignId, subjectKey)
        .flatMap(subject -> read(caller.organizationId(), campaignId, subject));
  }

  /**
   * Brings the school's codes of the subject up to {@code requested}: within the application's
   * number, in one transaction with the campaign's numbering locked; 422 and nothing written when
   * the application does not allow it.
   */
  Mono<SchoolCodes> issue(Caller caller, long campaignId, String subjectKey, int requested) {
    long school = caller.organizationId() == null ? -1 : caller.organizationId();
    return subjectOf(caller, campaignId, subjectKey)
        .flatMap(
            subject ->
                limit(school, campaignId, subject)
                    .flatMap(limit -> allowed(subject, requested, limit))
                    .then(add(caller, campaignId, school, subjectKey, requested))
                    .then(read(school, campaignId, subject)));
  }

  /** 422 when the application does not allow {@code requested} codes. */
  private static Mono<Void> allowed(Subject subject, int requested, Optional<Integer> limit) {
    String refusal = ParticipantCodeRules.refusal(subject, requested, limit.orElse(null));
    return refusal == null
        ? Mono.empty()
        : Mono.error(new UnprocessableException("count", refusal));
  }

  private Mono<Long> add(
      Caller caller, long campaignId, long school, String subjectKey, int requested) {
    return store
        .lockNumbering(campaignId)
        .then(store.codes(campaignId, school, subjectKey).count())
        .flatMap(
            issued -> {
              int missing = ParticipantCodeRules.missing(requested, issued.intValue());
              return missing == 0
                  ? Mono.just(0L)
                  : store.add(
                      campaignId, school, subjectKey, missing, caller.login(), clock.instant());
            })
        .as(tx::transactional);
  }

  private Mono<SchoolCodes> read(long school, long campaignId, Subject subject) {
    return Mono.zip(
            organizations.byId(school),
            limit(school, campaignId, subject),
            store.codes(campaignId, school, subject.key()).collectList())
        .map(t -> new SchoolCodes(t.getT1(), subject, t.getT2().orElse(null), t.getT3()));
  }

  private Mono<Optional<Integer>> limit(long school, long campaignId, Subject subject) {
    return applications
        .participants(campaignId, school, subject.grade(), subject.name())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /**
   * The subject of a ВПР campaign the calling organization takes part in; 403 for a caller without
   * an organization, 404 for another campaign or subject.
   */
  private Mono<Subject> subjectOf(Caller caller, long campaignId, String subjectKey) {
    if (caller.organizationId() == null) {
      return Mono.error(new AccessDeniedException());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .filter(c -> c.kind() == CampaignInfo.Kind.VPR)
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Протокол с кодами есть только в ВПР")))
        .flatMap(c -> subject(c, subjectKey));
  }

  private static Mono<Subject> subject(CampaignInfo campaign, String subjectKey) {
    return Mono.justOrEmpty(
            campaign.subjects().stream().filter(s -> s.key().equals(subjectKey)).findFirst())
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("В кампании нет предмета «" + subjectKey + "»")));
  }
}
