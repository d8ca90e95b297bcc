package org.oko.orgs;

import java.util.Map;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/**
 * The part of the hierarchy a caller may see. Anything outside it answers 404, exactly as if it did
 * not exist, so that a coordinator cannot even learn that another region's school exists.
 *
 * @param regionCode null only for FEDERAL
 * @param municipalityId set for MUNICIPAL (and ORGANIZATION: its own municipality)
 * @param withoutMunicipalityOnly RESPONSIBLE coordinators handle the organizations of a region that
 *     belong to no municipality (state, federal, private schools and colleges)
 * @param organizationId set for ORGANIZATION: only itself
 *     <p>Other features use it for their own scope checks and SQL filters, so that every feature
 *     draws the same boundary.
 */
public record Visibility(
    String regionCode, Long municipalityId, boolean withoutMunicipalityOnly, Long organizationId) {

  /** The caller's part of the hierarchy; 403 for roles that have none (experts, observers…). */
  public static Visibility of(Caller caller) {
    return switch (caller.role()) {
      case FEDERAL -> new Visibility(null, null, false, null);
      case REGIONAL, API_CLIENT -> new Visibility(caller.regionCode(), null, false, null);
      case MUNICIPAL -> new Visibility(caller.regionCode(), caller.municipalityId(), false, null);
      case RESPONSIBLE -> new Visibility(caller.regionCode(), null, true, null);
      case ORGANIZATION ->
          new Visibility(
              caller.regionCode(), caller.municipalityId(), false, caller.organizationId());
      default -> throw new AccessDeniedException();
    };
  }

  /**
   * The part of the organization directory the caller may browse: its scope ({@link #of}), and for
   * a scanning centre its whole region, whose organizations' scans it uploads. Only the directory:
   * other features keep {@link #of}, so a scanner sees no forms or results.
   */
  public static Visibility directoryOf(Caller caller) {
    if (caller.role() == Role.SCANNER) {
      return new Visibility(caller.regionCode(), null, false, null);
    }
    return of(caller);
  }

  public boolean everything() {
    return regionCode == null;
  }

  public boolean seesRegion(String code) {
    return everything() || regionCode.equals(code);
  }

  /** Whether the caller may see the municipality itself (its name, its counts). */
  public boolean seesMunicipality(String municipalityRegion, long id) {
    if (!seesRegion(municipalityRegion) || withoutMunicipalityOnly) {
      return false;
    }
    return municipalityId == null || municipalityId.equals(id);
  }

  public boolean seesOrganization(OrganizationRef o) {
    return seesOrganization(o.id(), o.regionCode(), o.municipalityId());
  }

  public boolean seesOrganization(long id, String regionCode, Long orgMunicipalityId) {
    if (!seesRegion(regionCode)) {
      return false;
    }
    if (organizationId != null) {
      return organizationId.equals(id);
    }
    if (withoutMunicipalityOnly) {
      return orgMunicipalityId == null;
    }
    return municipalityId == null || municipalityId.equals(orgMunicipalityId);
  }

  /**
   * Whether the scope covers a whole part of a region: a municipality's organizations, or (with
   * {@code partMunicipality} null) the region's organizations that belong to none. An
   * organization's scope covers no part.
   */
  public boolean coversPart(String partRegion, Long partMunicipality) {
    if (!seesRegion(partRegion) || organizationId != null) {
      return false;
    }
    if (withoutMunicipalityOnly) {
      return partMunicipality == null;
    }
    return municipalityId == null || municipalityId.equals(partMunicipality);
  }

  /**
   * This scope as an SQL condition on the organizations of a query: the one place that turns a
   * scope into SQL, so that every list draws the boundary that {@link #seesOrganization} draws.
   */
  public ScopeCondition condition(ScopeCondition.Columns on) {
    if (everything()) {
      return new ScopeCondition("true", Map.of());
    }
    String region = on.region() + " = :scope_region";
    if (organizationId != null) {
      return new ScopeCondition(
          region + " and " + on.organization() + " = :scope_organization",
          Map.of("scope_region", regionCode, "scope_organization", organizationId));
    }
    if (withoutMunicipalityOnly) {
      return new ScopeCondition(
          region + " and " + underNoMunicipality(on.municipality()),
          Map.of("scope_region", regionCode));
    }
    if (municipalityId != null) {
      return new ScopeCondition(
          region + " and " + on.municipality() + " = :scope_municipality",
          Map.of("scope_region", regionCode, "scope_municipality", municipalityId));
    }
    return new ScopeCondition(region, Map.of("scope_region", regionCode));
  }

  /**
   * This scope as an SQL condition on municipalities themselves (a list whose rows are
   * municipalities), drawn as {@link #seesMunicipality} draws it.
   *
   * @param region the municipality's region column, e.g. {@code m.region_code}
   * @param id the municipality's id column, e.g. {@code m.id}
   */
  public ScopeCondition municipalityCondition(String region, String id) {
    if (everything()) {
      return new ScopeCondition("true", Map.of());
    }
    if (withoutMunicipalityOnly) {
      return new ScopeCondition("false", Map.of());
    }
    if (municipalityId != null) {
      return new ScopeCondition(
          region + " = :scope_region and " + id + " = :scope_municipality",
          Map.of("scope_region", regionCode, "scope_municipality", municipalityId));
    }
    return new ScopeCondition(region + " = :scope_region", Map.of("scope_region", regionCode));
  }

  /**
   * The SQL test that a municipality column marks a region's part under no municipality (the
   * responsible coordinator's part, seed 003 2–3): the one place that spells it, for queries that
   * join such a part by a column (a region's row, a form response of the part) rather than bind a
   * caller's scope.
   */
  public static String underNoMunicipality(String municipalityColumn) {
    return municipalityColumn + " is null";
  }

  /** The same on the organization table aliased {@code o}. */
  public ScopeCondition condition() {
    return condition(ScopeCondition.Columns.of("o"));
  }

  /** Whether the caller coordinates a set of organizations (sees the region tree). */
  public boolean coordinates() {
    return organizationId == null;
  }
}
