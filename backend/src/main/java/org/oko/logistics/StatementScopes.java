package org.oko.logistics;

import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.Visibility;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns the statement's optional region and municipality into a scope the caller may see. Without
 * parameters a coordinator gets its own part (region, municipality or the organizations under no
 * municipality); FEDERAL has no own part and must name the region. Anything foreign is 404.
 */
@Component
class StatementScopes {

  private final PlaceStore places;

  StatementScopes(PlaceStore places) {
    this.places = places;
  }

  Mono<StatementScope> resolve(
      Visibility visibility, CampaignInfo campaign, String regionCode, Long municipalityId) {
    String region = regionCode != null ? regionCode : visibility.regionCode();
    if (region == null) {
      return Mono.error(
          new InvalidRequestException("regionCode", "Укажите регион ведомости (regionCode)"));
    }
    if (!visibility.seesRegion(region) || !campaign.regionCodes().contains(region)) {
      return Mono.error(regionNotFound(region));
    }
    Long municipality = municipalityId != null ? municipalityId : visibility.municipalityId();
    return places
        .region(region)
        .switchIfEmpty(Mono.error(() -> regionNotFound(region)))
        .flatMap(
            r -> {
              String regionTitle = r.name() + " (" + r.code() + ")";
              if (municipality == null) {
                return Mono.just(
                    new StatementScope(
                        region,
                        null,
                        visibility.withoutMunicipalityOnly(),
                        visibility.withoutMunicipalityOnly()
                            ? regionTitle + ", организации без муниципалитета"
                            : regionTitle));
              }
              return municipalityScope(visibility, region, regionTitle, municipality);
            });
  }

  private Mono<StatementScope> municipalityScope(
      Visibility visibility, String region, String regionTitle, long municipality) {
    boolean foreign =
        visibility.withoutMunicipalityOnly()
            || (visibility.municipalityId() != null
                && !visibility.municipalityId().equals(municipality));
    if (foreign) {
      return Mono.error(municipalityNotFound(municipality));
    }
    return places
        .municipality(municipality)
        .filter(m -> m.regionCode().equals(region))
        .switchIfEmpty(Mono.error(() -> municipalityNotFound(municipality)))
        .map(m -> new StatementScope(region, m.id(), false, regionTitle + ", " + m.name()));
  }

  private static NotFoundException regionNotFound(String code) {
    return new NotFoundException("Регион «" + code + "» не найден в кампании");
  }

  private static NotFoundException municipalityNotFound(long id) {
    return new NotFoundException("Муниципалитет " + id + " не найден");
  }
}
