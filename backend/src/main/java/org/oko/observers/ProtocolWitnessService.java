package org.oko.observers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oko.campaigns.CampaignDirectory;
import org.oko.forms.FormReopened;
import org.oko.forms.FormSubmitted;
import org.oko.forms.SubmittedFormDirectory;
import org.oko.forms.SubmittedFormDirectory.ProtocolForm;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Seed 004 9.1: the results protocol is entered in the presence of a public observer. The school
 * picks the observer assigned to it that day (or the observer confirms on the phone); the forms'
 * events say which protocols were submitted; coordinators see the protocols entered without one.
 */
@Service
class ProtocolWitnessService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ProtocolStore store;
  private final AssignmentService assignments;
  private final SubmittedFormDirectory forms;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final Schedule schedule;
  private final TransactionalOperator tx;

  ProtocolWitnessService(
      ProtocolStore store,
      AssignmentService assignments,
      SubmittedFormDirectory forms,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      Schedule schedule,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.assignments = assignments;
    this.forms = forms;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.schedule = schedule;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** A submitted version of an organization's results protocol (other forms change nothing). */
  Mono<Void> submitted(FormSubmitted e) {
    if (e.organizationId() == null) {
      return Mono.empty();
    }
    return forms
        .protocolForm(e.formId())
        .flatMap(
            form ->
                store.submitted(
                    form.formId(),
                    form.title(),
                    e.campaignId(),
                    e.organizationId(),
                    e.regionCode(),
                    e.number(),
                    e.submittedAt()));
  }

  Mono<Void> reopened(FormReopened e) {
    return e.organizationId() == null
        ? Mono.empty()
        : store.reopened(e.formId(), e.organizationId(), e.number());
  }

  /** Every results protocol of the assignment's point and the observer recorded at each. */
  Mono<List<ProtocolInfo>> ofAssignment(Caller caller, long assignmentId) {
    return assignments
        .visible(caller, assignmentId)
        .flatMap(
            a ->
                Mono.zip(
                    forms.protocolForms(a.campaignId()).collectList(),
                    store
                        .ofPoint(a.campaignId(), a.point().id())
                        .collectMap(ProtocolInfo::formId, Function.identity()),
                    (all, known) -> merge(a, all, known)));
  }

  private static List<ProtocolInfo> merge(
      AssignmentInfo a, List<ProtocolForm> all, Map<Long, ProtocolInfo> known) {
    List<ProtocolInfo> merged = new ArrayList<>();
    for (ProtocolForm form : all) {
      ProtocolInfo found = known.get(form.formId());
      merged.add(
          found != null
              ? found
              : new ProtocolInfo(
                  form.formId(),
                  form.title(),
                  a.campaignId(),
                  a.point(),
                  null,
                  null,
                  a.timeZone()));
    }
    return merged;
  }

  /**
   * Records that the protocol was entered in the presence of the assignment's observer: by the
   * point's organization or the observer, on the assignment's day, once the observer is present.
   */
  Mono<ProtocolInfo> witness(Caller caller, long assignmentId, long formId) {
    ProtocolInfo.RecordedBy recordedBy;
    if (caller.role() == Role.ORGANIZATION) {
      recordedBy = ProtocolInfo.RecordedBy.ORGANIZATION;
    } else if (caller.role() == Role.OBSERVER) {
      recordedBy = ProtocolInfo.RecordedBy.OBSERVER;
    } else {
      return Mono.error(new AccessDeniedException());
    }
    return assignments
        .visible(caller, assignmentId)
        .flatMap(
            a ->
                forms
                    .protocolForm(formId)
                    .filter(f -> f.campaignId() == a.campaignId())
                    .switchIfEmpty(Mono.error(() -> protocolNotFound(formId)))
                    .flatMap(form -> record(caller, a, form, recordedBy)));
  }

  private static NotFoundException protocolNotFound(long formId) {
    return new NotFoundException("Протокол результатов " + formId + " в кампании не найден");
  }

  private Mono<ProtocolInfo> record(
      Caller caller, AssignmentInfo a, ProtocolForm form, ProtocolInfo.RecordedBy recordedBy) {
    LocalDate today = schedule.today(a.timeZone());
    if (!today.equals(a.day())) {
      return Mono.error(
          new ConflictException(
              "Наблюдатель "
                  + a.observerName()
                  + " назначен на "
                  + DAY.format(a.day())
                  + ", а сегодня по времени региона ("
                  + ZoneCities.city(a.timeZone())
                  + ") "
                  + DAY.format(today)
                  + ": отметить его при внесении протокола можно только в день наблюдения"));
    }
    if (a.presentAt() == null) {
      return Mono.error(
          new ConflictException(
              "Наблюдатель "
                  + a.observerName()
                  + " ещё не отметил «Я на месте»: протокол вносится в присутствии наблюдателя"));
    }
    return store
        .witness(form.formId(), form.title(), a, recordedBy, caller.login(), schedule.now())
        .as(tx::transactional)
        .then(store.one(form.formId(), a.point().id()));
  }

  /** The submitted protocols of a scope, those entered without an observer first. */
  Mono<ProtocolInfo.Page> monitored(
      Caller caller, long campaignId, Long municipalityId, boolean without, Paging paging) {
    if (caller.role() == Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    Visibility own = Visibility.of(caller);
    Mono<Visibility> scope =
        municipalityId == null ? Mono.just(own) : organizations.narrowed(own, null, municipalityId);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(scope)
        .flatMap(
            visibility ->
                Mono.zip(
                    store.counts(campaignId, visibility, without),
                    store.page(campaignId, visibility, without, paging).collectList(),
                    (counts, items) -> new ProtocolInfo.Page(counts[0], counts[1], items)));
  }
}
