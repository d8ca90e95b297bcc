package org.oko.accounts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oko.identity.IdentityAdmin;
import org.oko.identity.NewAccount;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk creation from an {@code .xlsx}: every row checked first (problems by sheet, cell and reason,
 * in Russian), then all accounts created in one transaction — or, with any problem, none.
 */
@Service
class AccountImportService {

  /** At most this many problems are listed; the count says how many there were. */
  static final int MAX_LISTED = 200;

  private final IdentityAdmin identity;
  private final AccountPlaceStore places;
  private final AuditLog audit;
  private final TransactionalOperator tx;

  AccountImportService(
      IdentityAdmin identity,
      AccountPlaceStore places,
      AuditLog audit,
      ReactiveTransactionManager transactions) {
    this.identity = identity;
    this.places = places;
    this.audit = audit;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** The template, offering the roles the caller may grant. */
  byte[] template(Caller caller) {
    AccountAccess.manager(caller);
    return AccountsWorkbook.template(
        List.copyOf(new java.util.TreeSet<>(AccountAccess.grantable(caller.role()))));
  }

  /** Reads the staged file and creates every account in it, or none. */
  Mono<List<AccountsWorkbook.Created>> importFile(Caller caller, Path file, String clientAddress) {
    AccountAccess.manager(caller);
    return Mono.fromCallable(() -> AccountsWorkbook.read(file))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            lines ->
                lookUp(caller, lines).map(found -> AccountImportRules.check(caller, lines, found)))
        .flatMap(outcome -> createAll(caller, outcome, clientAddress));
  }

  /** Every account of a file without problems, created and audited in one transaction. */
  private Mono<List<AccountsWorkbook.Created>> createAll(
      Caller caller, AccountImportRules.Outcome outcome, String clientAddress) {
    if (!outcome.problems().isEmpty()) {
      return Mono.error(refused(outcome.problems()));
    }
    List<NewAccount> accounts = outcome.accounts();
    return tx.transactional(
        identity
            .createAccounts(accounts)
            .flatMap(
                passwords ->
                    audit
                        .record(imported(caller, accounts.size(), clientAddress))
                        .thenReturn(created(accounts, passwords))));
  }

  private static AuditLog.Entry imported(Caller caller, int accounts, String clientAddress) {
    return new AuditLog.Entry(
        caller.login(),
        caller.role().name(),
        caller.regionCode(),
        "account.import",
        accounts + " учётных записей из файла",
        "success",
        clientAddress);
  }

  private Mono<AccountImportRules.Places> lookUp(Caller caller, List<AccountsWorkbook.Line> lines) {
    Set<String> regions = new HashSet<>();
    if (caller.regionCode() != null) {
      regions.add(caller.regionCode()); // rows without a region code are the caller's region
    }
    Set<String> organizations = new HashSet<>();
    List<String> logins = new ArrayList<>();
    for (AccountsWorkbook.Line line : lines) {
      if (line.regionCode() != null) {
        regions.add(line.regionCode());
      }
      if (line.organization() != null) {
        organizations.add(line.organization());
      }
      if (line.login() != null) {
        logins.add(line.login());
      }
    }
    return Mono.zip(
            places.regionCodes(),
            places.municipalities(regions),
            places.organizations(organizations),
            identity.takenLogins(logins).collect(HashSet<String>::new, Set::add))
        .map(
            found ->
                new AccountImportRules.Places(
                    found.getT1(), found.getT2(), found.getT3(), found.getT4()));
  }

  private static UnprocessableException refused(List<FieldProblem> problems) {
    List<FieldProblem> listed = problems.subList(0, Math.min(problems.size(), MAX_LISTED));
    String detail =
        "Ни одна учётная запись не создана: "
            + (problems.size() == 1
                ? "в файле одна ошибка. "
                : "в файле ошибок — " + problems.size() + ". Первая: ")
            + "лист «"
            + listed.get(0).sheet()
            + "», ячейка "
            + listed.get(0).cell()
            + ". "
            + listed.get(0).message();
    return new UnprocessableException(detail, listed);
  }

  private static List<AccountsWorkbook.Created> created(
      List<NewAccount> accounts, List<String> passwords) {
    List<AccountsWorkbook.Created> created = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      NewAccount a = accounts.get(i);
      String place =
          String.join(
              ", ",
              java.util.stream.Stream.of(
                      a.regionCode() == null ? "вся страна" : "регион " + a.regionCode(),
                      a.municipalityId() == null ? null : "муниципалитет " + a.municipalityId(),
                      a.organizationId() == null ? null : "организация " + a.organizationId())
                  .filter(Objects::nonNull)
                  .toList());
      created.add(
          new AccountsWorkbook.Created(
              a.login(), a.displayName(), a.role(), place, passwords.get(i)));
    }
    return created;
  }
}
