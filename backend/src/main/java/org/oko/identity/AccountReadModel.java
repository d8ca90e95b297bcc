package org.oko.identity;

/**
 * Accounts as other features' SQL may read them: who someone is, never how they sign in (no
 * password hash, no lock-out state). A feature that lists people with its own rows (scoring's
 * experts) joins {@link #accounts()} instead of naming identity's tables. A plain sub-select that
 * PostgreSQL plans as if the table were joined in place; give it an alias.
 */
public final class AccountReadModel {

  private static final String ACCOUNTS =
      "(select login, display_name, role, region_code, municipality_id, organization_id"
          + " from account)";

  private AccountReadModel() {}

  /**
   * Every account: {@code login}, {@code display_name}, {@code role} (a {@code Role}), {@code
   * region_code}, {@code municipality_id}, {@code organization_id} (the scope; null where the role
   * has none).
   */
  public static String accounts() {
    return ACCOUNTS;
  }
}
