package org.oko.questionnaires;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.forms.KitMarkDirectory;
import org.oko.kits.KitCredentialDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.Paging;
import org.oko.questionnaires.MonitoringRules.Counts;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Kits, kits used, started and submitted per level, for FEDERAL (everything), REGIONAL and
 * RESPONSIBLE (their region), MUNICIPAL (its municipality) and a point (itself). The points are the
 * organizations with kits in the campaign; each count is one grouped query over the whole campaign
 * (no query per point), and the points outside the caller's scope or filters are dropped before
 * grouping.
 */
@Service
class QuestionnaireMonitoringService {

  static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.RESPONSIBLE, Role.MUNICIPAL, Role.ORGANIZATION
  };

  /** Which points: the campaign, a subject, region or municipality (each null for all). */
  record Filter(long campaignId, String subjectKey, String regionCode, Long municipalityId) {}

  /** The caller's scope and, within it, the part the filter narrows it to. */
  private record Part(Visibility scope, Visibility narrowed) {}

  private final CampaignDirectory campaigns;
  private final KitCredentialDirectory kits;
  private final KitMarkDirectory marks;
  private final OrganizationDirectory organizations;
  private final QuestionnaireMonitoringStore store;
  private final Clock clock;

  QuestionnaireMonitoringService(
      CampaignDirectory campaigns,
      KitCredentialDirectory kits,
      KitMarkDirectory marks,
      OrganizationDirectory organizations,
      QuestionnaireMonitoringStore store,
      Clock clock) {
    this.campaigns = campaigns;
    this.kits = kits;
    this.marks = marks;
    this.organizations = organizations;
    this.store = store;
    this.clock = clock;
  }

  /**
   * A page of lines by number, or (keyset, {@code afterLogin} not null) the points after that login
   * — only at the point level: regions and municipalities are a few lines, paged by number.
   */
  Mono<MonitoringRules.Page> page(
      Caller caller, Filter filter, MonitoringRules.Level level, Paging paging, String afterLogin) {
    if (afterLogin != null && level != MonitoringRules.Level.POINT) {
      return Mono.error(
          new InvalidRequestException(
              "after",
              "Постраничный обход по after есть только на уровне пунктов проведения; регионы и"
                  + " муниципалитеты листайте по номерам страниц (page)."));
    }
    // the responsible coordinator follows the questionnaires of the whole region (the points
    // belong to municipalities, which are not theirs otherwise)
    Visibility scope =
        caller.role() == Role.RESPONSIBLE
            ? new Visibility(caller.regionCode(), null, false, null)
            : Visibility.of(caller);
    return campaigns
        .visibleTo(caller, filter.campaignId())
        .then(organizations.narrowed(scope, filter.regionCode(), filter.municipalityId()))
        .flatMap(narrowed -> counts(new Part(scope, narrowed), filter))
        .flatMap(
            points ->
                store
                    .regionNames()
                    .map(
                        names ->
                            MonitoringRules.page(
                                level, points, names, paging, afterLogin, clock.instant())));
  }

  /** Every visible point of the campaign with its counts. */
  private Mono<Map<OrganizationRef, Counts>> counts(Part part, Filter filter) {
    long campaignId = filter.campaignId();
    String subjectKey = filter.subjectKey();
    Map<Long, Counts> byPoint = new HashMap<>();
    Mono<Void> kitCounts =
        kits.kitsPerPoint(campaignId, subjectKey)
            .doOnNext(k -> counts(byPoint, k.organizationId()).kits += k.kits())
            .then();
    Mono<Void> used =
        marks
            .usedPerPoint(campaignId, subjectKey, part.narrowed().regionCode())
            .doOnNext(u -> counts(byPoint, u.organizationId()).used += u.used())
            .then();
    Mono<Void> sessions =
        store
            .sessionsPerPoint(campaignId, subjectKey, part.narrowed().regionCode())
            .doOnNext(
                n -> {
                  Counts c = counts(byPoint, n.organizationId());
                  // a submitted session was started too
                  c.started += n.sessions();
                  if (n.submitted()) {
                    c.submitted += n.sessions();
                  }
                })
            .then();
    // one after another: the map is not shared between threads
    return kitCounts.then(used).then(sessions).then(Mono.defer(() -> visiblePoints(part, byPoint)));
  }

  private Mono<Map<OrganizationRef, Counts>> visiblePoints(Part part, Map<Long, Counts> byPoint) {
    return organizations
        .byIds(byPoint.keySet())
        // the scope keeps a point to itself; the narrowed filter has the region and municipality
        // asked for
        .filter(o -> part.scope().seesOrganization(o) && part.narrowed().seesOrganization(o))
        // points are the organizations with kits
        .filter(o -> byPoint.get(o.id()).kits > 0)
        .collectMap(o -> o, o -> byPoint.get(o.id()), LinkedHashMap::new);
  }

  private static Counts counts(Map<Long, Counts> byPoint, long organizationId) {
    return byPoint.computeIfAbsent(organizationId, id -> new Counts());
  }
}
