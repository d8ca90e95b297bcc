package org.oko.testing;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What a test reads straight from the database to check what the API did: one value of one row, a
 * campaign's tally, and the organizations of the demo hierarchy by login.
 */
public final class TestRows {

  private TestRows() {}

  /**
   * The first column of the query's one row (null if it is null).
   *
   * @param binds name, value, name, value, …
   */
  public static <T> T one(DatabaseClient db, Class<T> type, String sql, Object... binds) {
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
    for (int i = 0; i < binds.length; i += 2) {
      spec = spec.bind((String) binds[i], binds[i + 1]);
    }
    return spec.map(r -> java.util.Optional.ofNullable(r.get(0, type))).one().block().orElse(null);
  }

  /**
   * A campaign's counts per organization, subject and status as lines {@code "organization subject
   * status n"} in that order, so that a projection and a fresh count of the same thing compare
   * equal.
   *
   * @param sql selects {@code organization_id, subject_key, status, n} where {@code campaign_id =
   *     :c}, without an order
   */
  public static java.util.List<String> tally(DatabaseClient db, long campaign, String sql) {
    return db.sql(sql + " order by 1, 2, 3")
        .bind("c", campaign)
        .map(
            r ->
                r.get("organization_id", Long.class)
                    + " "
                    + r.get("subject_key", String.class)
                    + " "
                    + r.get("status", String.class)
                    + " "
                    + r.get("n", Long.class))
        .all()
        .collectList()
        .block();
  }

  /** The id of the organization with this login. */
  public static long organizationId(DatabaseClient db, String login) {
    return one(db, Long.class, "select id from organization where login = :l", "l", login);
  }

  /** The municipality of the organization with this login; null for one without a municipality. */
  public static Long municipalityOf(DatabaseClient db, String login) {
    return one(
        db, Long.class, "select municipality_id from organization where login = :l", "l", login);
  }

  /** Every audit entry as {@code actor|action|target}. */
  public static java.util.List<String> audit(DatabaseClient db) {
    return db.sql("select concat_ws('|', actor, action, target) from audit_event")
        .map(r -> r.get(0, String.class))
        .all()
        .collectList()
        .block();
  }
}
