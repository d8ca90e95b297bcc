package org.oko.kits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.campaigns.Subject;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.PublicUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * An assessment point's own kits of a subject with their credentials, and what protocol 1 prints
 * beside them: the questionnaire link and the window in which the credentials work.
 */
@Service
class PointKitsService {

  /** The calling point's kits of the subject, with what protocol 1 prints beside them. */
  record PointKits(
      OrganizationRef point,
      String subjectName,
      String category,
      String link,
      List<KitCredential> kits,
      Instant validFrom,
      Instant validUntil) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final KitStore store;
  private final KitCredentialDirectory credentials;
  private final StageGate stages;
  private final PublicUrl publicUrl;
  private final String configuredLink;

  PointKitsService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      KitStore store,
      KitCredentialDirectory credentials,
      StageGate stages,
      PublicUrl publicUrl,
      @Value("${oko.questionnaires.link:}") String configuredLink) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.store = store;
    this.credentials = credentials;
    this.stages = stages;
    this.publicUrl = publicUrl;
    this.configuredLink = configuredLink;
  }

  /**
   * Protocol 1 and the credentials are for the assessment point only: an organization that is no
   * assessment point answers 403 (the controller refuses every other role); a point without kits of
   * the subject 404.
   */
  Mono<PointKits> pointKits(Caller caller, long campaignId, String subjectKey) {
    return (caller.organizationId() == null
            ? Mono.<String>empty()
            : store.kindOf(caller.organizationId()))
        .filter("ASSESSMENT_POINT"::equals)
        .switchIfEmpty(Mono.error(() -> new AccessDeniedException()))
        .then(campaigns.visibleTo(caller, campaignId))
        .flatMap(campaign -> kitsOf(campaign, subjectKey, caller.organizationId()));
  }

  private Mono<PointKits> kitsOf(CampaignInfo campaign, String subjectKey, long org) {
    NotFoundException none =
        new NotFoundException(
            "У пункта проведения нет комплектов по предмету «" + subjectKey + "» в этой кампании");
    Optional<String> subjectName =
        campaign.subjects().stream()
            .filter(s -> s.key().equals(subjectKey))
            .map(Subject::name)
            .findFirst();
    if (subjectName.isEmpty()) {
      return Mono.error(none);
    }
    Mono<List<KitCredential>> kits =
        credentials
            .ofPoint(campaign.id(), subjectKey, org)
            .collectList()
            .filter(list -> !list.isEmpty())
            .switchIfEmpty(Mono.error(none));
    return Mono.zip(kits, organizations.byId(org))
        .flatMap(
            t ->
                withWindows(
                    campaign.id(),
                    subjectName.get(),
                    t.getT1().get(0).category(),
                    t.getT2(),
                    t.getT1()));
  }

  /**
   * The credentials work from the conduct stage's opening (or the questionnaire stage's, without a
   * conduct stage) to the questionnaire stage's close. Also the questionnaire logins' frame.
   */
  Mono<PointKits> withWindows(
      long campaignId,
      String subjectName,
      String category,
      OrganizationRef point,
      List<KitCredential> kits) {
    return Mono.zip(
            window(campaignId, Stage.CONDUCT, point),
            window(campaignId, Stage.QUESTIONNAIRE, point))
        .map(
            w ->
                new PointKits(
                    point,
                    subjectName,
                    category,
                    questionnaireLink(),
                    kits,
                    w.getT1().or(w::getT2).map(StageWindow::opensAt).orElse(null),
                    w.getT2().map(StageWindow::effectiveClosesAt).orElse(null)));
  }

  private Mono<Optional<StageWindow>> window(long campaignId, Stage stage, OrganizationRef point) {
    return stages
        .window(campaignId, stage, point.regionCode(), point.id())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /**
   * {@code oko.questionnaires.link} if set, else {@code /q} of the deployment's public URL; never
   * the request's {@code Host}, which the client chooses and which would end up on printed strips.
   */
  String questionnaireLink() {
    if (configuredLink != null && !configuredLink.isBlank()) {
      return configuredLink;
    }
    return publicUrl.resolve("/q");
  }
}
