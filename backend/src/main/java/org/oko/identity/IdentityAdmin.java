package org.oko.identity;

import java.util.List;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.ScopeCondition;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creating accounts and API clients with known passwords (demo data, administration). */
@Service
public class IdentityAdmin {

  private final AccountStore accounts;
  private final ApiClientStore clients;
  private final PasswordHashing passwords;
  private final RefreshTokenStore refreshTokens;
  private final PasswordGenerator generator;
  private final StaffAccountStore staff;
  private final DeactivatedAccountsWorker deactivated;
  private final CredentialIssuingService credentials;

  IdentityAdmin(
      AccountStore accounts,
      ApiClientStore clients,
      PasswordHashing passwords,
      RefreshTokenStore refreshTokens,
      PasswordGenerator generator,
      StaffAccountStore staff,
      DeactivatedAccountsWorker deactivated,
      CredentialIssuingService credentials) {
    this.accounts = accounts;
    this.clients = clients;
    this.passwords = passwords;
    this.refreshTokens = refreshTokens;
    this.generator = generator;
    this.staff = staff;
    this.deactivated = deactivated;
    this.credentials = credentials;
  }

  /**
   * New generated passwords for these organizations' accounts (each created when missing, a
   * scanning centre's as a scanning specialist's), every session of theirs revoked; the passwords
   * only in the answer. Runs in the caller's transaction: all or nothing.
   */
  public Mono<List<IssuedCredential>> issueOrganizationPasswords(List<OrganizationRef> orgs) {
    return credentials.issueAll(orgs);
  }

  /** How many of these logins belong to an account that has a password (one that would stop). */
  public Mono<Long> countWithPassword(List<String> logins) {
    return accounts.countWithPassword(logins);
  }

  /** Where an account sits in the hierarchy, for {@code Visibility.condition}. */
  public static ScopeCondition.Columns accountColumns() {
    return StaffAccountStore.COLUMNS;
  }

  /**
   * Creates a staff account with a generated password; emits the password, to be shown once. A
   * taken login is a 409 and creates nothing. Runs in the caller's transaction.
   */
  public Mono<String> createAccount(NewAccount account) {
    String password = generator.next();
    return passwords
        .hashGenerated(password)
        .flatMap(hash -> staff.insert(account, hash))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "Логин «" + account.login() + "» уже занят: выберите другой")))
        .thenReturn(password);
  }

  /**
   * Creates all the accounts with generated passwords (hashed at the same cost as one account's, on
   * as many threads as there are cores); emits the passwords in the accounts' order. A login taken
   * meanwhile is a 409. Runs in the caller's transaction: all or nothing.
   */
  public Mono<List<String>> createAccounts(List<NewAccount> accounts) {
    List<String> plain = accounts.stream().map(a -> generator.next()).toList();
    return Flux.fromIterable(plain)
        .flatMapSequential(passwords::hashGenerated, HASHING_PARALLELISM)
        .collectList()
        .flatMap(hashes -> staff.insertAll(accounts, hashes))
        .flatMap(
            created ->
                created == accounts.size()
                    ? Mono.just(plain)
                    : Mono.error(
                        new ConflictException(
                            "Часть логинов заняли, пока файл загружался: загрузите его снова")));
  }

  private static final int HASHING_PARALLELISM =
      Math.max(1, Runtime.getRuntime().availableProcessors());

  /** The logins among these that are already taken. */
  public Flux<String> takenLogins(List<String> logins) {
    return staff.taken(logins);
  }

  public Mono<ManagedAccount> managedAccount(String login) {
    return staff.byLogin(login);
  }

  /**
   * A page of staff accounts (never participants) inside {@code scope}, by login: from {@code
   * offset}, or (keyset) after {@code afterLogin} when it is not null.
   */
  public Flux<ManagedAccount> managedAccounts(
      ScopeCondition scope,
      Role role,
      String text,
      Boolean active,
      long offset,
      int limit,
      String afterLogin) {
    return staff.page(
        scope, new StaffAccountStore.Filter(role, text, active), offset, limit, afterLogin);
  }

  public Mono<Long> countManagedAccounts(
      ScopeCondition scope, Role role, String text, Boolean active) {
    return staff.count(scope, new StaffAccountStore.Filter(role, text, active));
  }

  /**
   * Deactivates (the account can no longer sign in, its sessions end and its access tokens are
   * refused at once) or re-activates an account. Runs in the caller's transaction; empty when there
   * is no such login.
   */
  public Mono<Long> setActive(String login, boolean active) {
    return staff
        .setDisabled(login, !active)
        .flatMap(
            id ->
                (active ? Mono.<Void>empty() : refreshTokens.revokeAllOf(id))
                    .then(
                        Mono.fromRunnable(
                            () -> {
                              if (active) {
                                deactivated.activated(login);
                              } else {
                                deactivated.deactivated(login);
                              }
                            }))
                    .thenReturn(id));
  }

  /**
   * Gives the account a new generated password and signs it out everywhere; emits the password, to
   * be shown once. Empty when there is no such login.
   */
  public Mono<String> resetPassword(String login) {
    String password = generator.next();
    return passwords
        .hashGenerated(password)
        .flatMap(hash -> staff.setPassword(login, hash))
        .flatMap(id -> refreshTokens.revokeAllOf(id).thenReturn(password));
  }

  /**
   * Creates the account, or sets a new password for an existing one and signs it out everywhere.
   */
  @Transactional
  public Mono<Long> setAccount(
      String login,
      String displayName,
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String password) {
    return passwords
        .hash(password)
        .flatMap(
            hash ->
                accounts.upsert(
                    login, displayName, role, regionCode, municipalityId, organizationId, hash))
        .flatMap(id -> refreshTokens.revokeAllOf(id).thenReturn(id));
  }

  /**
   * Creates the account with a generated password, or gives an existing account of the same role
   * and region the new name and scope and a new generated password (signing it out everywhere).
   * Emits the password, to be shown once; empty, changing nothing, when the login belongs to an
   * account of another role or region.
   */
  @Transactional
  public Mono<String> issueAccount(
      String login,
      String displayName,
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId) {
    String password = generator.next();
    return passwords
        .hashGenerated(password)
        .flatMap(
            hash ->
                accounts.upsertSameRole(
                    login, displayName, role, regionCode, municipalityId, organizationId, hash))
        .flatMap(id -> refreshTokens.revokeAllOf(id).thenReturn(password));
  }

  public Mono<Boolean> accountExists(String login) {
    return accounts.byLogin(login).hasElement();
  }

  @Transactional
  public Mono<Void> setApiClient(String clientId, String name, String regionCode, String secret) {
    return passwords
        .hash(secret)
        .flatMap(hash -> clients.register(clientId, name, hash, regionCode));
  }
}
