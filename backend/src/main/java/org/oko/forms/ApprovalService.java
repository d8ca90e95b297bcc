package org.oko.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.oko.forms.ApprovalRules.Action;
import org.oko.forms.ApprovalRules.Level;
import org.oko.forms.ApprovalRules.State;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Approval up the hierarchy (issue 20): a municipality (or the responsible coordinator) accepts its
 * organizations' submitted reports or returns one with a comment, which reopens it for the
 * organization; the region accepts what the first level accepted ({@link ApprovalRules}). Each
 * decision is one transaction: the acceptance, its history row, and for a return the response back
 * to a draft with {@link FormReopened} (results withdraw its rows); then the audit log.
 */
@Service
class ApprovalService {

  private static final Set<Role> COORDINATORS =
      Set.of(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE);

  /** One organization's report: the target, whether acceptance applies, the state and history. */
  record Approval(
      Respondent organization,
      boolean required,
      ApprovalStore.Current current,
      List<ApprovalStore.Event> history,
      ZoneId zone,
      boolean canAccept,
      boolean canReturn) {}

  /** A page of organizations with the counts of the whole scope. */
  record Page(boolean required, ApprovalStore.Counts counts, List<ApprovalStore.Row> rows) {}

  private final FormAccess access;
  private final ApprovalStore store;
  private final FormResponseStore responses;
  private final FormResponseService responseService;
  private final OrganizationDirectory organizations;
  private final AuditLog audit;
  private final TransactionalOperator tx;
  private final Clock clock;

  ApprovalService(
      FormAccess access,
      ApprovalStore store,
      FormResponseStore responses,
      FormResponseService responseService,
      OrganizationDirectory organizations,
      AuditLog audit,
      TransactionalOperator tx,
      Clock clock) {
    this.access = access;
    this.store = store;
    this.responses = responses;
    this.responseService = responseService;
    this.organizations = organizations;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<Page> list(Caller caller, long formId, State state, Paging paging) {
    if (!COORDINATORS.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    Visibility scope = Visibility.of(caller);
    String wanted = state == null ? null : state.name();
    return access
        .visible(caller, formId)
        .then(
            Mono.zip(
                    store.required(formId),
                    store.counts(formId, scope),
                    store.page(formId, scope, wanted, paging.offset(), paging.size()))
                .map(found -> new Page(found.getT1(), found.getT2(), found.getT3())));
  }

  Mono<Approval> get(Caller caller, long formId, String login) {
    return access.target(caller, formId, login, null).flatMap(t -> read(caller, t));
  }

  Mono<Approval> decide(Caller caller, long formId, String login, Action action, String comment) {
    String reason = comment == null ? null : comment.strip();
    if (action == Action.RETURN && (reason == null || reason.isEmpty())) {
      return Mono.error(
          new UnprocessableException(
              "comment",
              "Укажите, почему отчёт возвращается: организация увидит этот комментарий"));
    }
    if (reason != null && reason.length() > ApprovalRules.COMMENT_LIMIT) {
      return Mono.error(
          new UnprocessableException(
              "comment", "Комментарий длиннее " + ApprovalRules.COMMENT_LIMIT + " символов"));
    }
    return access
        .target(caller, formId, login, null)
        .flatMap(
            t -> {
              Level level = ApprovalRules.levelOf(caller.role(), t.respondent().municipalityId());
              if (level == null || !t.respondent().isOrganization()) {
                return Mono.error(new AccessDeniedException());
              }
              return store
                  .required(formId)
                  .flatMap(
                      required ->
                          required
                              ? store.current(formId, t.respondent().organizationId())
                              : Mono.error(ApprovalService::notRequired))
                  .flatMap(current -> apply(caller, t, level, action, reason, current))
                  .then(Mono.defer(() -> read(caller, t)));
            });
  }

  private static ConflictException notRequired() {
    return new ConflictException("Для этой формы приёмка отчётов не предусмотрена");
  }

  private Mono<Void> apply(
      Caller caller,
      ResponseTarget t,
      Level level,
      Action action,
      String comment,
      ApprovalStore.Current current) {
    State state = current.state();
    String refusal = ApprovalRules.refusal(level, action, state);
    if (refusal != null) {
      return Mono.error(new ConflictException(refusal));
    }
    Instant now = clock.instant();
    long responseId = current.responseId();
    String kept = action == Action.RETURN ? comment : null;
    Mono<Void> decided =
        store
            .decide(
                responseId,
                t.form().id(),
                state,
                ApprovalRules.after(level, action),
                kept,
                caller.login(),
                now)
            .flatMap(
                done ->
                    done
                        ? Mono.<Void>empty()
                        : Mono.error(
                            new ConflictException(
                                "Отчёт изменился, пока вы принимали решение: обновите страницу")));
    Mono<Void> reopened =
        action == Action.RETURN ? reopen(caller, t, current, now, comment) : Mono.empty();
    return decided
        .then(reopened)
        .then(store.event(responseId, action, level, comment, caller.login(), now))
        .as(tx::transactional)
        .then(
            audit.record(
                new AuditLog.Entry(
                    caller.login(),
                    caller.role().name(),
                    t.respondent().regionCode(),
                    action == Action.ACCEPT ? "form.approval.accept" : "form.approval.return",
                    "form " + t.form().id() + ", " + t.respondent().login(),
                    "success",
                    null)));
  }

  /** The returned report becomes the organization's draft again; results withdraw its rows. */
  private Mono<Void> reopen(
      Caller caller, ResponseTarget t, ApprovalStore.Current current, Instant now, String why) {
    // returned by the level above, with its comment as the reason the organization is told
    var reopening = new ResponseRow.Reopening(now, caller.login(), true, why);
    return responses
        .byId(current.responseId())
        .flatMap(
            row ->
                responses
                    .reopen(row.id(), row.version(), reopening)
                    .flatMap(
                        done ->
                            done
                                ? responseService.announceReopened(t, row, reopening)
                                : Mono.<Void>error(ResponseRules.stale(row.version()))));
  }

  private Mono<Approval> read(Caller caller, ResponseTarget t) {
    Respondent r = t.respondent();
    if (!r.isOrganization()) {
      return Mono.error(
          new UnprocessableException(
              "organization", "Приёмка предусмотрена для отчётов организаций"));
    }
    long formId = t.form().id();
    return Mono.zip(
            store.required(formId),
            store.current(formId, r.organizationId()),
            organizations.zonesOf(List.of(r.regionCode())))
        .flatMap(
            found -> {
              ApprovalStore.Current current = found.getT2();
              ZoneId zone = found.getT3().getOrDefault(r.regionCode(), ZoneId.of("Europe/Moscow"));
              Level level = ApprovalRules.levelOf(caller.role(), r.municipalityId());
              boolean required = found.getT1();
              boolean canAccept =
                  required && level != null && ApprovalRules.mayAccept(level, current.state());
              boolean canReturn =
                  required && level != null && ApprovalRules.mayReturn(level, current.state());
              Mono<List<ApprovalStore.Event>> history =
                  current.responseId() == null
                      ? Mono.just(List.of())
                      : store.history(current.responseId()).collectList();
              return history.map(
                  events -> new Approval(r, required, current, events, zone, canAccept, canReturn));
            });
  }

  /** The federal organizer turns acceptance on or off for a form filled by organizations. */
  Mono<Boolean> setRequired(Caller caller, long formId, boolean required) {
    if (caller.role() != Role.FEDERAL) {
      return Mono.error(new AccessDeniedException());
    }
    return access
        .visible(caller, formId)
        .flatMap(
            vf ->
                vf.form().byOrganizations() || !required
                    ? store.setRequired(formId, required).then(store.required(formId))
                    : Mono.error(
                        new UnprocessableException(
                            "required",
                            "Приёмка предусмотрена только для форм, которые заполняют"
                                + " организации")));
  }
}
