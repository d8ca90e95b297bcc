package org.oko.sample;

import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * The part of a region's sample one verification form covers: a municipality's organizations, or
 * ({@code municipalityId} null) the region's organizations that belong to no municipality.
 */
record VerificationPart(String regionCode, Long municipalityId) {

  /**
   * The part a caller asks for: a municipal coordinator always gets its municipality, a responsible
   * coordinator its region's organizations without one; a regional coordinator (its region) and the
   * federal organizer (who must name the region) may name a municipality. Anything outside the
   * caller's scope answers 404.
   *
   * @param regionOfMunicipality finds the region of a municipality (empty if there is none)
   */
  static Mono<VerificationPart> requested(
      Caller caller,
      String regionCode,
      Long municipalityId,
      java.util.function.Function<Long, Mono<String>> regionOfMunicipality) {
    if (regionCode != null && !caller.seesRegion(regionCode)) {
      return Mono.error(new NotFoundException("Регион «" + regionCode + "» не найден"));
    }
    if (caller.role() == Role.MUNICIPAL || caller.role() == Role.RESPONSIBLE) {
      Long own = caller.role() == Role.MUNICIPAL ? caller.municipalityId() : null;
      if (municipalityId != null && !municipalityId.equals(own)) {
        return Mono.error(municipalityNotFound(municipalityId));
      }
      return Mono.just(new VerificationPart(caller.regionCode(), own));
    }
    String region = regionCode != null ? regionCode : caller.regionCode();
    if (region == null) {
      return Mono.error(new InvalidRequestException("regionCode", "Укажите регион формы выверки"));
    }
    if (municipalityId == null) {
      return Mono.just(new VerificationPart(region, null));
    }
    return regionOfMunicipality
        .apply(municipalityId)
        .filter(region::equals)
        .map(found -> new VerificationPart(region, municipalityId))
        .switchIfEmpty(Mono.error(() -> municipalityNotFound(municipalityId)));
  }

  /** Whether a caller may upload the form of this part (its signature names the part). */
  boolean uploadableBy(Caller caller) {
    return switch (caller.role()) {
      case FEDERAL -> true;
      case REGIONAL -> regionCode.equals(caller.regionCode());
      case MUNICIPAL ->
          regionCode.equals(caller.regionCode())
              && caller.municipalityId() != null
              && caller.municipalityId().equals(municipalityId);
      case RESPONSIBLE -> regionCode.equals(caller.regionCode()) && municipalityId == null;
      default -> false;
    };
  }

  private static NotFoundException municipalityNotFound(long id) {
    return new NotFoundException("Муниципалитет " + id + " не найден");
  }
}
