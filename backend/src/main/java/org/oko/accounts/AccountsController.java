package org.oko.accounts;

import org.oko.api.AccountsApi;
import org.oko.api.model.NewStaffAccount;
import org.oko.api.model.Role;
import org.oko.api.model.StaffAccount;
import org.oko.api.model.StaffAccountCredentials;
import org.oko.api.model.StaffAccountPage;
import org.oko.identity.ManagedAccount;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class AccountsController implements AccountsApi {

  private final AccountAdministrationService accounts;
  private final AccountImportService imports;

  AccountsController(AccountAdministrationService accounts, AccountImportService imports) {
    this.accounts = accounts;
    this.imports = imports;
  }

  @Override
  public Mono<ResponseEntity<Resource>> getAccountsTemplate(ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                WorkbookDownload.of(() -> imports.template(caller), "accounts-template.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<StaffAccountPage>> listAccounts(
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String q,
      Boolean active,
      Integer page,
      Integer size,
      String after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    var filter =
        new AccountAdministrationService.Filter(
            role == null ? null : org.oko.platform.security.Role.valueOf(role.getValue()),
            regionCode,
            municipalityId,
            organizationId,
            q,
            active);
    return CurrentCaller.get()
        .flatMap(caller -> accounts.list(caller, filter, paging.offset(), paging.size(), after))
        .map(
            found -> {
              // login order either way, so a page by number continues by keyset too
              String next =
                  NextLinks.next(exchange, paging.size(), found.items(), ManagedAccount::login);
              StaffAccountPage answer =
                  new StaffAccountPage(
                          page,
                          size,
                          found.total(),
                          paging.totalPages(found.total()),
                          found.items().stream().map(AccountsController::toApi).toList())
                      .next(next);
              return ResponseEntity.ok().headers(NextLinks.header(next)).body(answer);
            });
  }

  @Override
  public Mono<ResponseEntity<StaffAccountCredentials>> createAccount(
      Mono<NewStaffAccount> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            body,
            (caller, input) -> accounts.create(caller, toRequest(input), clientAddress(exchange)))
        .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(created)));
  }

  @Override
  public Mono<ResponseEntity<StaffAccount>> deactivateAccount(
      String login, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> accounts.setActive(caller, login, false, clientAddress(exchange)))
        .map(account -> ResponseEntity.ok(toApi(account)));
  }

  @Override
  public Mono<ResponseEntity<StaffAccount>> activateAccount(
      String login, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> accounts.setActive(caller, login, true, clientAddress(exchange)))
        .map(account -> ResponseEntity.ok(toApi(account)));
  }

  @Override
  public Mono<ResponseEntity<StaffAccountCredentials>> resetAccountPassword(
      String login, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> accounts.resetPassword(caller, login, clientAddress(exchange)))
        .map(reset -> ResponseEntity.ok(toApi(reset)));
  }

  private static AccountAdministrationService.Request toRequest(NewStaffAccount in) {
    return new AccountAdministrationService.Request(
        in.getLogin(),
        in.getDisplayName(),
        org.oko.platform.security.Role.valueOf(in.getRole().getValue()),
        in.getRegionCode(),
        in.getMunicipalityId(),
        in.getOrganizationId(),
        in.getPhone(),
        in.getEmail());
  }

  static StaffAccountCredentials toApi(AccountAdministrationService.Created created) {
    return new StaffAccountCredentials(toApi(created.account()), created.password());
  }

  static StaffAccount toApi(ManagedAccount a) {
    StaffAccount out =
        new StaffAccount(a.login(), a.displayName(), Role.fromValue(a.role().name()), a.active());
    out.setRegionCode(a.regionCode());
    out.setMunicipalityId(a.municipalityId());
    out.setMunicipalityName(a.municipalityName());
    out.setOrganizationId(a.organizationId());
    out.setOrganizationName(a.organizationName());
    out.setPhone(a.phone());
    out.setEmail(a.email());
    out.setCreatedBy(a.createdBy());
    out.setCreatedAt(a.createdAt());
    return out;
  }

  private static String clientAddress(ServerWebExchange exchange) {
    var remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
