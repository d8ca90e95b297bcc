package org.oko.accounts;

import java.util.List;
import org.oko.identity.IdentityAdmin;
import org.oko.identity.ManagedAccount;
import org.oko.identity.NewAccount;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Delegated account management: a coordinator creates the accounts of the roles below its own
 * inside its scope, deactivates, re-activates them and resets their passwords. Every change is one
 * transaction with its audit entry; a generated password leaves only in the answer.
 */
@Service
class AccountAdministrationService {

  /** What the caller asked to create, as typed. */
  record Request(
      String login,
      String displayName,
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String phone,
      String email) {}

  /** An account and the only copy of its new password. */
  record Created(ManagedAccount account, String password) {}

  /** A page of accounts. */
  record Page(List<ManagedAccount> items, long total) {}

  /** A list's filters (each narrows the caller's scope). */
  record Filter(
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String text,
      Boolean active) {}

  private final IdentityAdmin identity;
  private final OrganizationDirectory organizations;
  private final AuditLog audit;
  private final TransactionalOperator tx;

  AccountAdministrationService(
      IdentityAdmin identity,
      OrganizationDirectory organizations,
      AuditLog audit,
      ReactiveTransactionManager transactions) {
    this.identity = identity;
    this.organizations = organizations;
    this.audit = audit;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** A page by login: from {@code offset}, or (keyset) after {@code afterLogin} if not null. */
  Mono<Page> list(Caller caller, Filter filter, long offset, int limit, String afterLogin) {
    Visibility scope = AccountAccess.manager(caller);
    String text = AccountRules.blank(filter.text()) ? null : filter.text().strip();
    return narrowed(scope, filter)
        .flatMap(
            narrowed -> {
              var condition = narrowed.condition(IdentityAdmin.accountColumns());
              Mono<Long> total =
                  identity.countManagedAccounts(condition, filter.role(), text, filter.active());
              Mono<List<ManagedAccount>> items =
                  identity
                      .managedAccounts(
                          condition,
                          filter.role(),
                          text,
                          filter.active(),
                          offset,
                          limit,
                          afterLogin)
                      .collectList();
              return Mono.zip(items, total, Page::new);
            });
  }

  Mono<Created> create(Caller caller, Request request, String clientAddress) {
    Visibility scope = AccountAccess.manager(caller);
    List<FieldProblem> problems =
        AccountRules.problems(
            new AccountRules.Input(
                request.login(),
                request.displayName(),
                request.role(),
                request.phone(),
                request.email()));
    if (!problems.isEmpty()) {
      return Mono.error(
          new UnprocessableException(
              "Учётная запись не создана: " + problems.get(0).message(), problems));
    }
    AccountAccess.requireGrantable(caller, request.role());
    return place(caller, scope, request)
        .map(place -> toNew(caller, request, place))
        .flatMap(account -> created(caller, account, clientAddress));
  }

  Mono<ManagedAccount> setActive(
      Caller caller, String login, boolean active, String clientAddress) {
    return managed(caller, login)
        .flatMap(account -> switched(caller, account, login, active, clientAddress));
  }

  Mono<Created> resetPassword(Caller caller, String login, String clientAddress) {
    return managed(caller, login)
        .flatMap(account -> tx.transactional(reset(caller, account, login, clientAddress)));
  }

  private Mono<Created> reset(
      Caller caller, ManagedAccount account, String login, String clientAddress) {
    return identity
        .resetPassword(login)
        .flatMap(
            password ->
                record(caller, account.regionCode(), "account.password-reset", login, clientAddress)
                    .thenReturn(new Created(account, password)));
  }

  /** The new account with its audit entry, in one transaction (an unknown region: 422). */
  private Mono<Created> created(Caller caller, NewAccount account, String clientAddress) {
    return tx.transactional(
            identity
                .createAccount(account)
                .flatMap(password -> audited(caller, account, password, clientAddress)))
        .onErrorMap(
            DataIntegrityViolationException.class,
            e ->
                new UnprocessableException(
                    "region", "Регион «" + account.regionCode() + "» не найден"));
  }

  private Mono<Created> audited(
      Caller caller, NewAccount account, String password, String clientAddress) {
    String target = account.login() + " (" + account.role() + ")";
    return record(caller, account.regionCode(), "account.create", target, clientAddress)
        .then(identity.managedAccount(account.login()))
        .map(created -> new Created(created, password));
  }

  /** Switched off or on with its audit entry; nobody switches off their own account (409). */
  private Mono<ManagedAccount> switched(
      Caller caller, ManagedAccount account, String login, boolean active, String clientAddress) {
    if (!active && account.login().equals(caller.login())) {
      return Mono.error(new ConflictException("Нельзя отключить собственную учётную запись"));
    }
    String action = active ? "account.activate" : "account.deactivate";
    return tx.transactional(
        identity
            .setActive(login, active)
            .then(record(caller, account.regionCode(), action, login, clientAddress))
            .then(identity.managedAccount(login)));
  }

  /** The account if the caller sees it (404 otherwise) and may manage its role (403 otherwise). */
  private Mono<ManagedAccount> managed(Caller caller, String login) {
    Visibility scope = AccountAccess.manager(caller);
    return identity
        .managedAccount(login)
        .filter(account -> AccountAccess.sees(scope, account))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Учётная запись «" + login + "» не найдена")))
        .doOnNext(account -> AccountAccess.requireManages(caller, account));
  }

  /** The caller's scope narrowed by a list's region, municipality, organization (foreign: 404). */
  private Mono<Visibility> narrowed(Visibility scope, Filter filter) {
    Mono<Visibility> byPlace =
        organizations.narrowed(scope, filter.regionCode(), filter.municipalityId());
    if (filter.organizationId() == null) {
      return byPlace;
    }
    return byPlace.flatMap(
        place ->
            organizations
                .byId(filter.organizationId())
                .filter(place::seesOrganization)
                .map(org -> new Visibility(org.regionCode(), org.municipalityId(), false, org.id()))
                .switchIfEmpty(
                    Mono.error(
                        () ->
                            new NotFoundException(
                                "Организация " + filter.organizationId() + " не найдена"))));
  }

  /** Where the new account sits: checked against the caller's scope (foreign: 404). */
  private record Place(String regionCode, Long municipalityId, Long organizationId) {}

  private Mono<Place> place(Caller caller, Visibility scope, Request request) {
    Role role = request.role();
    if (role == Role.FEDERAL) {
      return Mono.just(new Place(null, null, null));
    }
    if (role == Role.ORGANIZATION && request.organizationId() == null) {
      return Mono.error(
          new UnprocessableException("organizationId", "Укажите организацию сотрудника"));
    }
    if (role == Role.MUNICIPAL) {
      if (request.municipalityId() == null) {
        return Mono.error(
            new UnprocessableException("municipalityId", "Укажите муниципалитет координатора"));
      }
      return organizations
          .narrowed(scope, null, request.municipalityId())
          .map(m -> new Place(m.regionCode(), request.municipalityId(), null));
    }
    if (request.organizationId() != null) {
      return organizations
          .byId(request.organizationId())
          .filter(scope::seesOrganization)
          .switchIfEmpty(
              Mono.error(
                  () ->
                      new NotFoundException(
                          "Организация " + request.organizationId() + " не найдена")))
          .flatMap(org -> inRegion(org, request));
    }
    String region = request.regionCode() != null ? request.regionCode() : caller.regionCode();
    if (region == null) {
      return Mono.error(new UnprocessableException("regionCode", "Укажите регион"));
    }
    if (!scope.seesRegion(region)) {
      return Mono.error(new NotFoundException("Регион «" + region + "» не найден"));
    }
    return Mono.just(new Place(region, null, null));
  }

  private static Mono<Place> inRegion(OrganizationRef org, Request request) {
    if (request.regionCode() != null && !request.regionCode().equals(org.regionCode())) {
      return Mono.error(
          new UnprocessableException(
              "organizationId",
              "Организация «" + org.name() + "» не из региона " + request.regionCode()));
    }
    return Mono.just(new Place(org.regionCode(), org.municipalityId(), org.id()));
  }

  private static NewAccount toNew(Caller caller, Request request, Place place) {
    return new NewAccount(
        request.login(),
        request.displayName().strip(),
        request.role(),
        place.regionCode(),
        place.municipalityId(),
        place.organizationId(),
        AccountRules.blank(request.phone()) ? null : AccountRules.mobile(request.phone()),
        AccountRules.blank(request.email()) ? null : AccountRules.email(request.email()),
        caller.login());
  }

  private Mono<Void> record(
      Caller caller, String regionCode, String action, String target, String clientAddress) {
    return audit.record(
        new AuditLog.Entry(
            caller.login(),
            caller.role().name(),
            regionCode,
            action,
            target,
            "success",
            clientAddress));
  }
}
