package org.oko.overview;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.CampaignParticipants;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.forms.OrganizationFormsDirectory;
import org.oko.forms.OrganizationFormsDirectory.OrganizationForm;
import org.oko.kits.KitCredentialDirectory;
import org.oko.kits.KitCredentialDirectory.PointRange;
import org.oko.observers.ObserverVisitDirectory;
import org.oko.observers.ObserverVisitDirectory.Visit;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.publications.OrganizationDownloadsDirectory;
import org.oko.publications.OrganizationDownloadsDirectory.Released;
import org.oko.questionnaires.QuestionnaireProgressDirectory;
import org.oko.questionnaires.QuestionnaireProgressDirectory.SubjectSessions;
import org.oko.results.ReportOpeningDirectory;
import org.oko.results.ReportOpeningDirectory.Opening;
import org.oko.scans.ScanProgressDirectory;
import org.oko.scans.ScanProgressDirectory.SubjectRow;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The sections of an organization's page. Each first finds the organization through the caller's
 * eyes — a coordinator (federal, regional, municipal, responsible) whose scope ({@link Visibility})
 * includes it, in a campaign the caller sees and the organization takes part in; anything else is a
 * 404 (another role a 403) — then reads the owning feature's directory. Read-only: no transaction.
 */
@Service
class OrganizationOverviewService {

  private static final Set<Role> COORDINATORS =
      EnumSet.of(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE);

  /** A section's rows with the organization they are of. */
  record Section<T>(OverviewTarget target, List<T> items) {}

  /** The schedule as it applies to the organization at {@code now}. */
  record Schedule(OverviewTarget target, Instant now, List<StageOverview> stages) {}

  /** Kits issued and questionnaire sessions of one subject. */
  record Questionnaire(String subjectKey, long kits, long started, long submitted) {}

  private final CampaignDirectory campaigns;
  private final CampaignParticipants participants;
  private final OrganizationDirectory organizations;
  private final OverviewStore store;
  private final StageGate gate;
  private final OrganizationFormsDirectory forms;
  private final OrganizationDownloadsDirectory downloads;
  private final KitCredentialDirectory kits;
  private final QuestionnaireProgressDirectory questionnaires;
  private final ScanProgressDirectory scans;
  private final ObserverVisitDirectory observers;
  private final ReportOpeningDirectory reports;
  private final Clock clock;

  OrganizationOverviewService(
      CampaignDirectory campaigns,
      CampaignParticipants participants,
      OrganizationDirectory organizations,
      OverviewStore store,
      StageGate gate,
      OrganizationFormsDirectory forms,
      OrganizationDownloadsDirectory downloads,
      KitCredentialDirectory kits,
      QuestionnaireProgressDirectory questionnaires,
      ScanProgressDirectory scans,
      ObserverVisitDirectory observers,
      ReportOpeningDirectory reports,
      Clock clock) {
    this.campaigns = campaigns;
    this.participants = participants;
    this.organizations = organizations;
    this.store = store;
    this.gate = gate;
    this.forms = forms;
    this.downloads = downloads;
    this.kits = kits;
    this.questionnaires = questionnaires;
    this.scans = scans;
    this.observers = observers;
    this.reports = reports;
    this.clock = clock;
  }

  /**
   * The schedule's stages as they apply to the organization, in the schedule's order: the
   * organization's and its region's windows, each read for the whole schedule at once.
   */
  Mono<Schedule> stages(Caller caller, long campaignId, long organizationId) {
    Instant now = clock.instant();
    return target(caller, campaignId, organizationId)
        .flatMap(
            t -> {
              String region = t.organization().regionCode();
              return Mono.zip(
                  gate.windows(t.campaignId(), region, t.organizationId()),
                  gate.windows(t.campaignId(), region, null),
                  (own, regional) -> new Schedule(t, now, stages(own, regional, now)));
            });
  }

  private static List<StageOverview> stages(
      Map<Stage, StageWindow> own, Map<Stage, StageWindow> regional, Instant now) {
    List<StageOverview> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (own.containsKey(stage) && regional.containsKey(stage)) {
        stages.add(new StageOverview(stage, own.get(stage), regional.get(stage), now));
      }
    }
    return stages;
  }

  Mono<Section<OrganizationForm>> forms(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                forms
                    .of(t.campaign(), t.organizationId(), t.kind())
                    .collectList()
                    .map(items -> new Section<>(t, items)));
  }

  Mono<Section<Released>> publications(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                downloads
                    .releasedTo(
                        t.campaignId(),
                        t.organizationId(),
                        t.organization().regionCode(),
                        clock.instant())
                    .collectList()
                    .map(items -> new Section<>(t, items)));
  }

  Mono<Section<PointRange>> kits(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                kits.rangesOf(t.campaignId(), t.organizationId())
                    .collectList()
                    .map(items -> new Section<>(t, items)));
  }

  /** Per subject with kits or sessions: kits issued against sessions started and submitted. */
  Mono<Section<Questionnaire>> questionnaires(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                Mono.zip(
                    kits.rangesOf(t.campaignId(), t.organizationId()).collectList(),
                    questionnaires.ofOrganization(t.campaignId(), t.organizationId()).collectList(),
                    (ranges, sessions) -> new Section<>(t, merged(ranges, sessions))));
  }

  private static List<Questionnaire> merged(List<PointRange> ranges, List<SubjectSessions> done) {
    Map<String, Questionnaire> bySubject = new TreeMap<>();
    for (PointRange range : ranges) {
      Questionnaire was =
          bySubject.getOrDefault(
              range.subjectKey(), new Questionnaire(range.subjectKey(), 0, 0, 0));
      bySubject.put(
          range.subjectKey(),
          new Questionnaire(range.subjectKey(), was.kits() + range.kits(), 0, 0));
    }
    for (SubjectSessions sessions : done) {
      Questionnaire was =
          bySubject.getOrDefault(
              sessions.subjectKey(), new Questionnaire(sessions.subjectKey(), 0, 0, 0));
      bySubject.put(
          sessions.subjectKey(),
          new Questionnaire(
              sessions.subjectKey(), was.kits(), sessions.started(), sessions.submitted()));
    }
    return List.copyOf(bySubject.values());
  }

  Mono<Section<SubjectRow>> scans(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                scans
                    .bySubject(t.campaignId(), t.organizationId())
                    .collectList()
                    .map(items -> new Section<>(t, items)));
  }

  /** Each observer's assignment to the organization: the day, presence and the act. */
  Mono<Section<Visit>> observers(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                observers
                    .atOrganization(t.campaignId(), t.organizationId())
                    .collectList()
                    .map(items -> new Section<>(t, items)));
  }

  /** Whether the organization opened its reports: one item, or none when it has not. */
  Mono<Section<Opening>> reports(Caller caller, long campaignId, long organizationId) {
    return target(caller, campaignId, organizationId)
        .flatMap(
            t ->
                reports
                    .of(t.campaignId(), t.organizationId())
                    .map(List::of)
                    .defaultIfEmpty(List.of())
                    .map(items -> new Section<>(t, items)));
  }

  /**
   * The organization within the caller's scope, taking part in a campaign the caller sees; a 404
   * for anything outside the scope, as if it did not exist. The campaign, the organization, its
   * campaigns and its place are read at once (one wait instead of five in a row under load); only
   * the campaign's check may fail, and the organization's facts are used only once it passed.
   */
  private Mono<OverviewTarget> target(Caller caller, long campaignId, long organizationId) {
    if (!COORDINATORS.contains(caller.role())) {
      return Mono.error(new AccessDeniedException());
    }
    Visibility scope = Visibility.of(caller);
    Mono<Optional<OrganizationRef>> seen =
        organizations
            .byId(organizationId)
            .filter(scope::seesOrganization)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<Optional<OverviewStore.Place>> place =
        store.placeOf(organizationId).map(Optional::of).defaultIfEmpty(Optional.empty());
    Mono<Boolean> takesPart =
        participants.campaignsOf(organizationId).map(ids -> ids.contains(campaignId));
    Mono<Optional<Located>> located =
        Mono.zip(seen, place, (o, p) -> o.flatMap(org -> p.map(at -> new Located(org, at))))
            .zipWith(takesPart, (found, part) -> part ? found : Optional.<Located>empty());
    return campaigns
        .visibleTo(caller, campaignId)
        .zipWith(located, (campaign, found) -> found.map(l -> placed(campaign, l.o(), l.place())))
        .flatMap(t -> t.map(Mono::just).orElseGet(() -> Mono.error(notFound(organizationId))));
  }

  /** The organization and its place, before the campaign is known to be the caller's. */
  private record Located(OrganizationRef o, OverviewStore.Place place) {}

  /** The organization with where it is: its kind, its region's name and time zone. */
  private static OverviewTarget placed(
      CampaignInfo campaign, OrganizationRef o, OverviewStore.Place place) {
    return new OverviewTarget(campaign, o, place.kind(), place.regionName(), place.zone());
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("Организация " + id + " не найдена среди участников кампании");
  }
}
