package org.oko.results;

import java.time.Clock;
import java.util.List;
import org.oko.forms.ColumnType;
import org.oko.forms.FormReopened;
import org.oko.forms.FormSubmitted;
import org.oko.forms.SubmittedFormDirectory;
import org.oko.results.ResultsStore.Place;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Turns the forms' events into results: a submitted results protocol replaces its organization's
 * participants and moves the tallies of the units above by the difference; a reopened one is
 * withdrawn until submitted again. An event of a version not newer than the one applied changes
 * nothing, so redelivery and a replay of every event give the same results. Each change is one
 * transaction under the campaign subject's lock.
 */
@Service
class ProtocolService {

  private final SubmittedFormDirectory forms;
  private final ResultsStore store;
  private final TallyService tallies;
  private final TransactionalOperator tx;
  private final Clock clock;

  ProtocolService(
      SubmittedFormDirectory forms,
      ResultsStore store,
      TallyService tallies,
      TransactionalOperator tx,
      Clock clock) {
    this.forms = forms;
    this.store = store;
    this.tallies = tallies;
    this.tx = tx;
    this.clock = clock;
  }

  /** Applies a submitted version; true when it changed the results. */
  Mono<Boolean> submitted(FormSubmitted event) {
    if (event.organizationId() == null) {
      return Mono.just(false);
    }
    return forms
        .version(event.responseId(), event.number())
        .filter(v -> v.subjectKey() != null && v.organizationId() != null)
        .flatMap(
            version ->
                store
                    .subject(version.campaignId(), version.subjectKey())
                    .filter(s -> s.tasks() > 0)
                    .flatMap(subject -> applyVersion(subject, version)))
        .defaultIfEmpty(false);
  }

  /** A submitted version's participants applied; nothing when it is no results protocol. */
  private Mono<Boolean> applyVersion(Subject subject, SubmittedFormDirectory.Version version) {
    TallyRules.ParticipantColumns columns = TallyRules.participantColumns(version, subject);
    if (columns == null && !hasParticipantCodes(version)) {
      return Mono.just(false);
    }
    // Each row becomes a participant as it is read: only the participants are held, never the
    // protocol's rows (200 000 of them in a large protocol).
    Mono<List<Participant>> participants =
        columns == null
            ? Mono.just(List.of())
            : forms
                .rows(version, columns.sheet())
                .mapNotNull(row -> TallyRules.participant(row, columns, subject))
                .collectList();
    return participants.flatMap(
        list ->
            apply(
                subject,
                version.organizationId(),
                version.formId(),
                version.responseId(),
                version.number(),
                list));
  }

  private static boolean hasParticipantCodes(SubmittedFormDirectory.Version version) {
    return version.sheets().stream()
        .flatMap(sheet -> sheet.columns().stream())
        .anyMatch(c -> c.type() == ColumnType.PARTICIPANT_CODE);
  }

  /** Withdraws a reopened version; true when it changed the results. */
  Mono<Boolean> reopened(FormReopened event) {
    if (event.organizationId() == null) {
      return Mono.just(false);
    }
    return store
        .appliedByResponse(event.responseId())
        .flatMap(
            found ->
                store
                    .lock(found.campaignId(), found.subjectKey())
                    .then(store.appliedByResponse(event.responseId()))
                    .flatMap(applied -> withdraw(applied, event.number())))
        .as(tx::transactional)
        .defaultIfEmpty(false);
  }

  /**
   * Withdraws the applied protocol unless the reopened number is older, or the same and withdrawn
   * already (a redelivery); in the caller's transaction, under the subject's lock.
   */
  private Mono<Boolean> withdraw(ResultsStore.Applied applied, int number) {
    if (number < applied.number() || (number == applied.number() && !applied.active())) {
      return Mono.just(false);
    }
    Place place =
        new Place(applied.organizationId(), applied.regionCode(), applied.municipalityId());
    return tallies
        .withdraw(applied.campaignId(), applied.subjectKey(), place)
        .then(
            store.putProtocol(
                applied.campaignId(),
                applied.subjectKey(),
                place,
                0,
                applied.responseId(),
                number,
                false,
                clock.instant()))
        .thenReturn(true);
  }

  /**
   * Replaces an organization's results by these participants if {@code number} is newer than the
   * version applied. Public to the package for the synthetic-country generator.
   */
  Mono<Boolean> apply(
      Subject subject,
      long organizationId,
      long formId,
      long responseId,
      int number,
      List<Participant> participants) {
    long campaign = subject.campaignId();
    String key = subject.key();
    return store
        .lock(campaign, key)
        .then(
            store
                .applied(campaign, key, organizationId)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty()))
        .flatMap(
            applied -> {
              if (applied.isPresent() && applied.get().number() >= number) {
                return Mono.just(false);
              }
              return store
                  .place(organizationId)
                  .flatMap(
                      place -> replace(subject, place, formId, responseId, number, participants));
            })
        .as(tx::transactional);
  }

  /** The organization's participants replaced and the version recorded as applied. */
  private Mono<Boolean> replace(
      Subject subject,
      Place place,
      long formId,
      long responseId,
      int number,
      List<Participant> participants) {
    return tallies
        .replace(subject, place, participants)
        .then(
            store.putProtocol(
                subject.campaignId(),
                subject.key(),
                place,
                formId,
                responseId,
                number,
                true,
                clock.instant()))
        .thenReturn(true);
  }
}
