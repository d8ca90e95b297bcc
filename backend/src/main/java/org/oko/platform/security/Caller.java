package org.oko.platform.security;

/**
 * Who makes the current request, from the claims of its access token.
 *
 * @param login the account's login or the API client's id
 * @param regionCode the region the caller is limited to; null for FEDERAL
 * @param municipalityId the municipality a MUNICIPAL caller is limited to
 * @param organizationId the organization an ORGANIZATION caller is
 */
public record Caller(
    String login,
    String displayName,
    Role role,
    String regionCode,
    Long municipalityId,
    Long organizationId) {

  /** Token claim names, shared by the issuer and the resource server. */
  public static final String ROLE_CLAIM = "role";

  public static final String NAME_CLAIM = "name";
  public static final String REGION_CLAIM = "region";
  public static final String MUNICIPALITY_CLAIM = "municipality";
  public static final String ORGANIZATION_CLAIM = "organization";

  public boolean isFederal() {
    return role == Role.FEDERAL;
  }

  /** FEDERAL sees every region; everyone else only the region of their scope. */
  public boolean seesRegion(String code) {
    return isFederal() || (regionCode != null && regionCode.equals(code));
  }
}
