package org.oko.orgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The WHERE clause of the organization search, for the organization rows and for the tally that
 * counts them without a search text: the same filters on either table's columns.
 */
final class OrganizationSearchSql {

  /**
   * Letters then digits, e.g. {@code edu64} or {@code edu640001}: only letters or digits of it
   * could equally be part of a name, so those search names.
   */
  private static final Pattern LOGIN_PREFIX = Pattern.compile("(?i)[a-z]{2,4}[0-9]{1,8}");

  private OrganizationSearchSql() {}

  /** A WHERE clause with its named parameters, built from the filters that are set. */
  record Where(String sql, Map<String, Object> params) {
    DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
      for (var p : params.entrySet()) {
        spec = spec.bind(p.getKey(), p.getValue());
      }
      return spec;
    }
  }

  /** The filter's columns in the organization table and in the tally. */
  private record FilterColumns(
      String region, String municipality, String withoutMunicipality, String kind) {}

  private static final FilterColumns ORGANIZATION_COLUMNS =
      new FilterColumns(
          "o.region_code", "o.municipality_id", "o.municipality_id is null", "o.kind");
  private static final FilterColumns TALLY_COLUMNS =
      new FilterColumns("t.region_code", "t.municipality_key", "t.municipality_key = 0", "t.kind");

  /** The filter on {@code organization_tally t} (no search: the tally has no names). */
  static Where tally(HierarchyStore.OrganizationFilter f) {
    return where(f, TALLY_COLUMNS, false);
  }

  /** The filter on {@code organization o}, search included. */
  static Where organizations(HierarchyStore.OrganizationFilter f) {
    return where(f, ORGANIZATION_COLUMNS, true);
  }

  private static Where where(
      HierarchyStore.OrganizationFilter f, FilterColumns columns, boolean withSearch) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (f.regionCode() != null) {
      conditions.add(columns.region() + " = :region");
      params.put("region", f.regionCode());
    }
    if (f.municipalityId() != null) {
      conditions.add(columns.municipality() + " = :municipality");
      params.put("municipality", f.municipalityId());
    }
    if (f.withoutMunicipality()) {
      conditions.add(columns.withoutMunicipality());
    }
    if (f.kind() != null) {
      conditions.add(columns.kind() + " = :kind");
      params.put("kind", f.kind());
    }
    if (withSearch && f.organizationId() != null) {
      conditions.add("o.id = :organization");
      params.put("organization", f.organizationId());
    }
    if (withSearch && f.q() != null && !f.q().isBlank()) {
      String q = f.q().strip();
      // A login or its beginning is a prefix lookup (b-tree index); anything else is a name
      // fragment (trigram index). One OR-ed condition would make PostgreSQL scan every row.
      if (LOGIN_PREFIX.matcher(q).matches()) {
        conditions.add("o.login like :login");
        params.put("login", q.toLowerCase(Locale.ROOT) + "%");
      } else {
        conditions.add("o.name ilike :pattern escape '\\'");
        params.put("pattern", "%" + q.replaceAll("([\\\\%_])", "\\\\$1") + "%");
      }
    }
    String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return new Where(sql, params);
  }
}
