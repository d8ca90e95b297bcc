package org.oko.identity;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import org.oko.orgs.ScopeCondition;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts as administrators manage them: listing by scope, creating, (de)activating. */
@Component
class StaffAccountStore {

  /** Where an account sits, as {@link org.oko.orgs.Visibility#condition} needs it. */
  static final ScopeCondition.Columns COLUMNS =
      new ScopeCondition.Columns("a.region_code", "a.municipality_id", "a.organization_id");

  private static final String SELECT =
      "select a.login, a.display_name, a.role, a.region_code, a.municipality_id,"
          + " m.name as municipality_name, a.organization_id, o.name as organization_name,"
          + " a.phone, a.email, a.disabled, a.created_by, a.created_at from account a"
          + " left join municipality m on m.id = a.municipality_id"
          + " left join organization o on o.id = a.organization_id";

  /** What a list asks for besides its scope. */
  record Filter(Role role, String text, Boolean active) {}

  private final DatabaseClient db;

  StaffAccountStore(DatabaseClient db) {
    this.db = db;
  }

  /** Creates the account; empty when the login is taken. */
  Mono<Long> insert(NewAccount a, String passwordHash) {
    return db.sql(
            "insert into account (login, display_name, role, region_code, municipality_id,"
                + " organization_id, password_hash, password_set_at, phone, email, created_by)"
                + " values (:login, :name, :role, :region, :municipality, :organization, :hash,"
                + " now(), :phone, :email, :createdBy)"
                + " on conflict (login) do nothing returning id")
        .bind("login", a.login())
        .bind("name", a.displayName())
        .bind("role", a.role().name())
        .bind("hash", passwordHash)
        .bind("region", Parameter.fromOrEmpty(a.regionCode(), String.class))
        .bind("municipality", Parameter.fromOrEmpty(a.municipalityId(), Long.class))
        .bind("organization", Parameter.fromOrEmpty(a.organizationId(), Long.class))
        .bind("phone", Parameter.fromOrEmpty(a.phone(), String.class))
        .bind("email", Parameter.fromOrEmpty(a.email(), String.class))
        .bind("createdBy", Parameter.fromOrEmpty(a.createdBy(), String.class))
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /**
   * Creates all the accounts in one statement; answers how many were created (fewer when a login
   * was taken meanwhile: the caller rolls back).
   */
  Mono<Long> insertAll(List<NewAccount> accounts, List<String> passwordHashes) {
    int n = accounts.size();
    String[] logins = new String[n];
    String[] names = new String[n];
    String[] roles = new String[n];
    String[] regions = new String[n];
    Long[] municipalities = new Long[n];
    Long[] organizations = new Long[n];
    String[] phones = new String[n];
    String[] emails = new String[n];
    String[] creators = new String[n];
    for (int i = 0; i < n; i++) {
      NewAccount a = accounts.get(i);
      logins[i] = a.login();
      names[i] = a.displayName();
      roles[i] = a.role().name();
      regions[i] = a.regionCode();
      municipalities[i] = a.municipalityId();
      organizations[i] = a.organizationId();
      phones[i] = a.phone();
      emails[i] = a.email();
      creators[i] = a.createdBy();
    }
    return db.sql(
            "insert into account (login, display_name, role, region_code, municipality_id,"
                + " organization_id, password_hash, password_set_at, phone, email, created_by)"
                + " select l, n, r, g, m, o, h, now(), p, e, c from unnest(:logins::text[],"
                + " :names::text[], :roles::text[], :regions::text[], :municipalities::bigint[],"
                + " :organizations::bigint[], :hashes::text[], :phones::text[], :emails::text[],"
                + " :creators::text[]) as t(l, n, r, g, m, o, h, p, e, c)"
                + " on conflict (login) do nothing")
        .bind("logins", logins)
        .bind("names", names)
        .bind("roles", roles)
        .bind("regions", regions)
        .bind("municipalities", municipalities)
        .bind("organizations", organizations)
        .bind("hashes", passwordHashes.toArray(String[]::new))
        .bind("phones", phones)
        .bind("emails", emails)
        .bind("creators", creators)
        .fetch()
        .rowsUpdated();
  }

  /** The logins among these that are taken. */
  Flux<String> taken(List<String> logins) {
    return db.sql("select login from account where login = any(:logins)")
        .bind("logins", logins.toArray(String[]::new))
        .map(r -> r.get("login", String.class))
        .all();
  }

  Mono<ManagedAccount> byLogin(String login) {
    return db.sql(SELECT + " where a.login = :login")
        .bind("login", login)
        .map(StaffAccountStore::toAccount)
        .one();
  }

  /**
   * A page in login order: from {@code offset}, or (keyset, {@code afterLogin} not null) the
   * accounts after that login, which a walk through a growing list never skips or repeats.
   */
  Flux<ManagedAccount> page(
      ScopeCondition scope, Filter filter, long offset, int limit, String afterLogin) {
    var spec =
        bind(
                db.sql(
                    SELECT
                        + " where "
                        + where(scope, filter)
                        + (afterLogin == null ? "" : " and a.login > :after")
                        + " order by a.login offset :offset limit :limit"),
                scope,
                filter)
            .bind("offset", afterLogin == null ? offset : 0L)
            .bind("limit", limit);
    if (afterLogin != null) {
      spec = spec.bind("after", afterLogin);
    }
    return spec.map(StaffAccountStore::toAccount).all();
  }

  Mono<Long> count(ScopeCondition scope, Filter filter) {
    return bind(
            db.sql("select count(*) as n from account a where " + where(scope, filter)),
            scope,
            filter)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  /** Sets whether the account may sign in; answers its id, empty when there is no such login. */
  Mono<Long> setDisabled(String login, boolean disabled) {
    return db.sql(
            "update account set disabled = :disabled,"
                + " disabled_at = case when :disabled then coalesce(disabled_at, now()) end"
                + " where login = :login returning id")
        .bind("login", login)
        .bind("disabled", disabled)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Replaces the password; answers the account's id, empty when there is no such login. */
  Mono<Long> setPassword(String login, String passwordHash) {
    return db.sql(
            "update account set password_hash = :hash, password_set_at = now()"
                + " where login = :login returning id")
        .bind("login", login)
        .bind("hash", passwordHash)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Every login that may not sign in (few: deactivated people). */
  Flux<String> disabledLogins() {
    return db.sql("select login from account where disabled")
        .map(r -> r.get("login", String.class))
        .all();
  }

  private static String where(ScopeCondition scope, Filter filter) {
    StringBuilder where = new StringBuilder("(" + scope.sql() + ")");
    if (filter.role() != null) {
      where.append(" and a.role = :role");
    }
    if (filter.active() != null) {
      where.append(" and a.disabled = :disabled");
    }
    if (filter.text() != null) {
      where.append(
          " and (a.login ilike :text or a.display_name ilike :text or a.phone ilike :text"
              + " or a.email ilike :text)");
    }
    // Participants' kit logins are not staff; they are managed with their kits.
    where.append(" and a.role <> 'PARTICIPANT'");
    return where.toString();
  }

  private static GenericExecuteSpec bind(
      GenericExecuteSpec spec, ScopeCondition scope, Filter filter) {
    GenericExecuteSpec bound = scope.bind(spec);
    if (filter.role() != null) {
      bound = bound.bind("role", filter.role().name());
    }
    if (filter.active() != null) {
      bound = bound.bind("disabled", !filter.active());
    }
    if (filter.text() != null) {
      bound = bound.bind("text", "%" + escapeLike(filter.text()) + "%");
    }
    return bound;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static ManagedAccount toAccount(Readable r) {
    return new ManagedAccount(
        r.get("login", String.class),
        r.get("display_name", String.class),
        Role.valueOf(r.get("role", String.class)),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality_name", String.class),
        r.get("organization_id", Long.class),
        r.get("organization_name", String.class),
        r.get("phone", String.class),
        r.get("email", String.class),
        !Boolean.TRUE.equals(r.get("disabled", Boolean.class)),
        r.get("created_by", String.class),
        r.get("created_at", OffsetDateTime.class));
  }
}
