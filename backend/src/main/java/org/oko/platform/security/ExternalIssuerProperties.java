package org.oko.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One external identity provider whose tokens OKO also accepts (e.g. a region's Keycloak), and
 * which of its claims carry OKO's role and scope. Off while {@code issuer} is empty.
 *
 * @param issuer its {@code iss}; its discovery document gives the keys unless {@code jwkSetUri} is
 *     set
 * @param jwkSetUri its key set, if it should not be discovered
 * @param loginClaim the claim with the person's login
 * @param roleClaim the claim with an OKO role name ({@code REGIONAL}, {@code MUNICIPAL}, …)
 * @param regionClaim the claim with the region code
 * @param municipalityClaim the claim with the municipality id
 * @param organizationClaim the claim with the organization id
 */
@ConfigurationProperties("oko.security.external")
public record ExternalIssuerProperties(
    String issuer,
    String jwkSetUri,
    String loginClaim,
    String roleClaim,
    String regionClaim,
    String municipalityClaim,
    String organizationClaim) {

  boolean enabled() {
    return issuer != null && !issuer.isBlank();
  }
}
