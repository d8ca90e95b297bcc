package org.oko.questionnaires;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.api.model.MonitoringLevel;
import org.oko.api.model.QuestionnaireMonitoring;
import org.oko.api.model.QuestionnaireMonitoringRow;
import org.oko.campaigns.CampaignDirectory;
import org.oko.forms.KitMarkDirectory;
import org.oko.kits.KitCredentialDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Kits, kits used, started and submitted per level, for FEDERAL (everything), REGIONAL and
 * RESPONSIBLE (their region), MUNICIPAL (its municipality) and a point (itself). The points are the
 * organizations with kits in the campaign; each count is one grouped query over the whole campaign
 * (no query per point), and the points outside the caller's scope or filters are dropped before
 * grouping.
 */
@Component
class QuestionnaireMonitoringStore {

  static final String WITHOUT_MUNICIPALITY = "Без муниципалитета";

  /** The counts of one point (or of a group of them). */
  private static final class Counts {
    long kits;
    long used;
    long started;
    long submitted;

    void add(Counts other) {
      kits += other.kits;
      used += other.used;
      started += other.started;
      submitted += other.submitted;
    }
  }

  private final CampaignDirectory campaigns;
  private final KitCredentialDirectory kits;
  private final KitMarkDirectory marks;
  private final OrganizationDirectory organizations;
  private final DatabaseClient db;
  private final Clock clock;

  QuestionnaireMonitoringStore(
      CampaignDirectory campaigns,
      KitCredentialDirectory kits,
      KitMarkDirectory marks,
      OrganizationDirectory organizations,
      DatabaseClient db,
      Clock clock) {
    this.campaigns = campaigns;
    this.kits = kits;
    this.marks = marks;
    this.organizations = organizations;
    this.db = db;
    this.clock = clock;
  }

  Mono<ResponseEntity<QuestionnaireMonitoring>> monitoring(
      long campaignId,
      MonitoringLevel level,
      String subjectKey,
      String regionCode,
      Long municipalityId,
      Integer page,
      Integer size) {
    MonitoringLevel by = level == null ? MonitoringLevel.POINT : level;
    Paging paging = new Paging(page == null ? 0 : page, size == null ? 20 : size);
    return CurrentCaller.withRole(
            Role.FEDERAL, Role.REGIONAL, Role.RESPONSIBLE, Role.MUNICIPAL, Role.ORGANIZATION)
        .flatMap(
            caller -> {
              // the responsible coordinator follows the questionnaires of the whole region (the
              // points belong to municipalities, which are not theirs otherwise)
              Visibility scope =
                  caller.role() == Role.RESPONSIBLE
                      ? new Visibility(caller.regionCode(), null, false, null)
                      : Visibility.of(caller);
              return campaigns
                  .visibleTo(caller, campaignId)
                  .then(organizations.narrowed(scope, regionCode, municipalityId))
                  .flatMap(narrowed -> counts(scope, narrowed, campaignId, subjectKey))
                  .flatMap(points -> regionNames().map(names -> page(by, points, names, paging)));
            })
        .map(ResponseEntity::ok);
  }

  /** Every visible point of the campaign with its counts. */
  private Mono<Map<OrganizationRef, Counts>> counts(
      Visibility scope, Visibility narrowed, long campaignId, String subjectKey) {
    Map<Long, Counts> byPoint = new HashMap<>();
    Mono<Void> kitCounts =
        kits.kitsPerPoint(campaignId, subjectKey)
            .doOnNext(k -> counts(byPoint, k.organizationId()).kits += k.kits())
            .then();
    Mono<Void> used =
        marks
            .usedPerPoint(campaignId, subjectKey)
            .doOnNext(u -> counts(byPoint, u.organizationId()).used += u.used())
            .then();
    Mono<Void> sessions =
        db.sql(
                """
                select organization_id, status, count(*) as n from questionnaire_session
                where campaign_id = :campaign
                  and (cast(:subject as text) is null or subject_key = :subject)
                  and (cast(:region as text) is null or region_code = :region)
                group by organization_id, status
                """)
            .bind("campaign", campaignId)
            .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
            .bind("region", Parameter.fromOrEmpty(narrowed.regionCode(), String.class))
            .map(
                r ->
                    new Object[] {
                      r.get("organization_id", Long.class),
                      r.get("status", String.class),
                      r.get("n", Long.class)
                    })
            .all()
            .doOnNext(
                row -> {
                  Counts c = counts(byPoint, (Long) row[0]);
                  long n = (Long) row[2];
                  // a submitted session was started too
                  c.started += n;
                  if ("SUBMITTED".equals(row[1])) {
                    c.submitted += n;
                  }
                })
            .then();
    // one after another: the map is not shared between threads
    return kitCounts
        .then(used)
        .then(sessions)
        .then(
            Mono.defer(
                () ->
                    organizations
                        .byIds(byPoint.keySet())
                        // the scope keeps a point to itself; the narrowed filter has the region
                        // and municipality asked for
                        .filter(o -> scope.seesOrganization(o) && narrowed.seesOrganization(o))
                        // points are the organizations with kits
                        .filter(o -> byPoint.get(o.id()).kits > 0)
                        .collectMap(o -> o, o -> byPoint.get(o.id()), LinkedHashMap::new)));
  }

  private static Counts counts(Map<Long, Counts> byPoint, long organizationId) {
    return byPoint.computeIfAbsent(organizationId, id -> new Counts());
  }

  private Mono<Map<String, String>> regionNames() {
    return db.sql("select code, name from region")
        .map(r -> Map.entry(r.get("code", String.class), r.get("name", String.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  private QuestionnaireMonitoring page(
      MonitoringLevel level,
      Map<OrganizationRef, Counts> points,
      Map<String, String> regions,
      Paging p) {
    record Group(String key, String name, String regionCode, Counts counts) {}
    Map<String, Group> groups = new LinkedHashMap<>();
    Counts total = new Counts();
    for (Map.Entry<OrganizationRef, Counts> e : points.entrySet()) {
      OrganizationRef o = e.getKey();
      String key;
      String name;
      switch (level) {
        case REGION -> {
          key = o.regionCode();
          name = regions.getOrDefault(o.regionCode(), o.regionCode());
        }
        case MUNICIPALITY -> {
          key =
              o.municipalityId() == null
                  ? o.regionCode() + ":none"
                  : Long.toString(o.municipalityId());
          name = o.municipalityId() == null ? WITHOUT_MUNICIPALITY : o.municipalityName();
        }
        default -> {
          key = o.login();
          name = o.name();
        }
      }
      groups
          .computeIfAbsent(
              o.regionCode() + "|" + key, k -> new Group(key, name, o.regionCode(), new Counts()))
          .counts()
          .add(e.getValue());
      total.add(e.getValue());
    }
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(
        Comparator.comparing(Group::regionCode)
            .thenComparing(g -> WITHOUT_MUNICIPALITY.equals(g.name()) ? 1 : 0)
            .thenComparing(Group::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Group::key));
    List<QuestionnaireMonitoringRow> items =
        sorted.stream()
            .skip(p.offset())
            .limit(p.size())
            .map(g -> row(g.key(), g.name(), g.regionCode(), g.counts()))
            .toList();
    return new QuestionnaireMonitoring(
        level,
        row("total", "Итого", regionsOf(points), total),
        new ArrayList<>(items),
        p.page(),
        p.size(),
        (long) sorted.size(),
        clock.instant().atOffset(ZoneOffset.UTC));
  }

  /** The totals' region: the one region of the set, or empty when the set spans several. */
  private static String regionsOf(Map<OrganizationRef, Counts> points) {
    String region = null;
    for (OrganizationRef o : points.keySet()) {
      if (region == null) {
        region = o.regionCode();
      } else if (!region.equals(o.regionCode())) {
        return "";
      }
    }
    return region == null ? "" : region;
  }

  private static QuestionnaireMonitoringRow row(
      String key, String name, String regionCode, Counts c) {
    return new QuestionnaireMonitoringRow(
        key, name == null ? key : name, regionCode, c.kits, c.used, c.started, c.submitted);
  }
}
