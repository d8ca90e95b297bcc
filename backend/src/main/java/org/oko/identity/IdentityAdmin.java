package org.oko.identity;

import org.oko.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Creating accounts and API clients with known passwords (demo data, administration). */
@Service
public class IdentityAdmin {

  private final AccountStore accounts;
  private final ApiClientStore clients;
  private final PasswordHashing passwords;
  private final RefreshTokenStore refreshTokens;
  private final PasswordGenerator generator;

  IdentityAdmin(
      AccountStore accounts,
      ApiClientStore clients,
      PasswordHashing passwords,
      RefreshTokenStore refreshTokens,
      PasswordGenerator generator) {
    this.accounts = accounts;
    this.clients = clients;
    this.passwords = passwords;
    this.refreshTokens = refreshTokens;
    this.generator = generator;
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
