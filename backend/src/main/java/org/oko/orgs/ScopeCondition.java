package org.oko.orgs;

import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * A caller's part of the hierarchy as an SQL condition and the values it binds: what {@link
 * Visibility#condition} makes, the one place where a scope becomes SQL. Each scope kind gets its
 * own plain predicate (no {@code :x is null or ...}), so that the planner can use the indexes on
 * the region and organization columns.
 *
 * @param sql a boolean SQL expression with named parameters {@code :scope_*}
 * @param values exactly the parameters {@link #sql} uses
 */
public record ScopeCondition(String sql, Map<String, Object> values) {

  /** The condition to append to a {@code where} clause. */
  public String and() {
    return " and (" + sql + ")";
  }

  /** Binds this condition's values (and nothing else) to a statement that contains it. */
  public GenericExecuteSpec bind(GenericExecuteSpec spec) {
    GenericExecuteSpec bound = spec;
    for (Map.Entry<String, Object> value : values.entrySet()) {
      bound = bound.bind(value.getKey(), value.getValue());
    }
    return bound;
  }

  /**
   * Where a query keeps an organization's place in the hierarchy. Usually the organization table's
   * columns; a table that copies the region (or the organization id) can name its own column, so
   * that its index serves the scope.
   */
  public record Columns(String region, String municipality, String organization) {

    /** The columns of the organization table aliased {@code alias}. */
    public static Columns of(String alias) {
      return new Columns(alias + ".region_code", alias + ".municipality_id", alias + ".id");
    }

    /**
     * The region and organization id a table of rows keeps itself ({@code alias.region_code},
     * {@code alias.organization_id}), with the municipality from the organization joined as {@code
     * o}.
     */
    public static Columns ofRowsIn(String alias) {
      return of("o")
          .withRegion(alias + ".region_code")
          .withOrganization(alias + ".organization_id");
    }

    /** The organization's region read from another column, e.g. {@code s.region_code}. */
    public Columns withRegion(String column) {
      return new Columns(column, municipality, organization);
    }

    /** The organization's id read from another column, e.g. {@code s.organization_id}. */
    public Columns withOrganization(String column) {
      return new Columns(region, municipality, column);
    }
  }
}
