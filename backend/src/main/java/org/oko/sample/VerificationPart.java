package org.oko.sample;

import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.web.InvalidRequestException;
import reactor.core.publisher.Mono;

/**
 * The part of a region's sample one verification form covers: a municipality's organizations, or
 * ({@code municipalityId} null) the region's organizations that belong to no municipality.
 */
record VerificationPart(String regionCode, Long municipalityId) {

  /**
   * The part a caller asks for, drawn by orgs' scope rule: a municipal coordinator always gets its
   * municipality, a responsible coordinator its region's organizations without one; a regional
   * coordinator (its region) and the federal organizer (who must name the region) may name a
   * municipality. Anything outside the caller's scope answers 404 ({@link
   * OrganizationDirectory#narrowed}).
   */
  static Mono<VerificationPart> requested(
      Visibility scope,
      String regionCode,
      Long municipalityId,
      OrganizationDirectory organizations) {
    if (regionCode == null && scope.everything()) {
      return Mono.error(new InvalidRequestException("regionCode", "Укажите регион формы выверки"));
    }
    return organizations
        .narrowed(scope, regionCode, municipalityId)
        .map(part -> new VerificationPart(part.regionCode(), part.municipalityId()));
  }

  /** Whether the scope covers this part, so its form may be uploaded (the signature names it). */
  boolean uploadableBy(Visibility scope) {
    return scope.coversPart(regionCode, municipalityId);
  }
}
