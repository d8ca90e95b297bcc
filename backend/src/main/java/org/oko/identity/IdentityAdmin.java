package org.oko.identity;

import org.oko.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Creating accounts and API clients with known passwords (demo data, administration). */
@Service
public class IdentityAdmin {

  private final Accounts accounts;
  private final ApiClients clients;
  private final PasswordHashing passwords;
  private final RefreshTokens refreshTokens;

  IdentityAdmin(
      Accounts accounts,
      ApiClients clients,
      PasswordHashing passwords,
      RefreshTokens refreshTokens) {
    this.accounts = accounts;
    this.clients = clients;
    this.passwords = passwords;
    this.refreshTokens = refreshTokens;
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
