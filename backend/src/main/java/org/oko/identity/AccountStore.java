package org.oko.identity;

import io.r2dbc.spi.Readable;
import java.util.List;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads and writes accounts. Logins are bound as parameters, never spliced into SQL. */
@Component
class AccountStore {

  private static final String SELECT =
      "select id, login, display_name, role, region_code, municipality_id, organization_id,"
          + " password_hash, disabled from account";

  private final DatabaseClient db;

  AccountStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Account> byLogin(String login) {
    return db.sql(SELECT + " where login = :login")
        .bind("login", login)
        .map(AccountStore::toAccount)
        .one();
  }

  /** How many of these logins belong to an account with a password. */
  Mono<Long> countWithPassword(List<String> logins) {
    return db.sql(
            "select count(*) from account where login = any(:logins) and password_hash is not null")
        .bind("logins", logins.toArray(String[]::new))
        .map(r -> r.get(0, Long.class))
        .one();
  }

  Mono<Account> byId(long id) {
    return db.sql(SELECT + " where id = :id").bind("id", id).map(AccountStore::toAccount).one();
  }

  /**
   * Creates the account or, if the login exists, replaces its password and sets its role (an
   * organization's login is its account: a scanning centre's issued before issue 19 as an
   * organization becomes a scanning specialist's when issued again).
   */
  Mono<Long> upsert(
      String login,
      String displayName,
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String passwordHash) {
    return insert(
        "do update set password_hash = excluded.password_hash, password_set_at = now(),"
            + " role = excluded.role",
        login,
        displayName,
        role,
        regionCode,
        municipalityId,
        organizationId,
        passwordHash);
  }

  /**
   * Creates the account, or updates the name, scope and password of an existing one of the same
   * role and region; empty when the login belongs to an account of another role or region.
   */
  Mono<Long> upsertSameRole(
      String login,
      String displayName,
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String passwordHash) {
    return insert(
        "do update set display_name = excluded.display_name,"
            + " municipality_id = excluded.municipality_id,"
            + " organization_id = excluded.organization_id,"
            + " password_hash = excluded.password_hash, password_set_at = now()"
            + " where account.role = excluded.role"
            + " and account.region_code is not distinct from excluded.region_code",
        login,
        displayName,
        role,
        regionCode,
        municipalityId,
        organizationId,
        passwordHash);
  }

  /** Inserts an account; {@code onConflict} says what happens when the login exists. */
  private Mono<Long> insert(
      String onConflict,
      String login,
      String displayName,
      Role role,
      String regionCode,
      Long municipalityId,
      Long organizationId,
      String passwordHash) {
    return db.sql(
            "insert into account (login, display_name, role, region_code, municipality_id,"
                + " organization_id, password_hash, password_set_at)"
                + " values (:login, :name, :role, :region, :municipality, :organization,"
                + " :hash, now())"
                + " on conflict (login) "
                + onConflict
                + " returning id")
        .bind("login", login)
        .bind("name", displayName)
        .bind("role", role.name())
        .bind("hash", passwordHash)
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("municipality", Parameter.fromOrEmpty(municipalityId, Long.class))
        .bind("organization", Parameter.fromOrEmpty(organizationId, Long.class))
        .map(r -> r.get("id", Long.class))
        .one();
  }

  private static Account toAccount(Readable r) {
    return new Account(
        r.get("id", Long.class),
        r.get("login", String.class),
        r.get("display_name", String.class),
        Role.valueOf(r.get("role", String.class)),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("organization_id", Long.class),
        r.get("password_hash", String.class),
        Boolean.TRUE.equals(r.get("disabled", Boolean.class)));
  }
}
