package org.oko.kits;

import java.util.List;
import java.util.Optional;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The questionnaire logins of a campaign without kits as a workbook (issue 20): an organization's
 * own, or, for a coordinator, those of every organization in its scope ({@link Visibility}) — the
 * region hands out logins as it hands out the organizations' own — or of one of them.
 */
@Service
class QuestionnaireLoginExportService {

  /** More rows than this: the caller is asked to choose one organization. */
  static final int MAX_ROWS = 100_000;

  /** What the workbook shows. */
  record Export(
      CampaignInfo campaign,
      String respondents,
      String link,
      List<QuestionnaireLoginStore.IssuedLogin> logins) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final QuestionnaireLoginStore store;
  private final PointKitsService frame;

  QuestionnaireLoginExportService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      QuestionnaireLoginStore store,
      PointKitsService frame) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.store = store;
    this.frame = frame;
  }

  /**
   * The logins the caller may see; 404 for a campaign it does not take part in or an organization
   * outside its scope, 409 for an ОМК, 422 beyond {@link #MAX_ROWS}.
   */
  Mono<Export> export(Caller caller, long campaignId, String organizationLogin) {
    Visibility scope = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(QuestionnaireLoginExportService::withoutKits)
        .flatMap(
            campaign ->
                organizations
                    .narrowedTo(
                        scope,
                        organizationLogin,
                        Optional::ofNullable,
                        () -> unknownOrganization(organizationLogin))
                    .flatMap(org -> read(campaign, scope, org.orElse(null))));
  }

  private Mono<Export> read(CampaignInfo campaign, Visibility scope, Long organizationId) {
    String subject = QuestionnaireLogins.subjectKey(campaign.kind());
    return store
        .issued(
            campaign.id(),
            subject,
            scope.condition(ScopeCondition.Columns.ofRowsIn("k")),
            organizationId,
            MAX_ROWS + 1)
        .collectList()
        .flatMap(
            logins ->
                logins.size() > MAX_ROWS
                    ? Mono.error(tooMany())
                    : Mono.just(
                        new Export(
                            campaign,
                            QuestionnaireLogins.respondents(subject).orElse(subject),
                            frame.questionnaireLink(),
                            logins)));
  }

  private static Mono<CampaignInfo> withoutKits(CampaignInfo campaign) {
    return campaign.kind() == CampaignInfo.Kind.OMK
        ? Mono.error(
            new ConflictException(
                "В ОМК/ОПиМК логины для анкетирования выдаются по комплектам — в электронном"
                    + " протоколе 1 пункта проведения"))
        : Mono.just(campaign);
  }

  private static NotFoundException unknownOrganization(String login) {
    return new NotFoundException("Организация «" + login + "» не найдена");
  }

  private static UnprocessableException tooMany() {
    return new UnprocessableException(
        "organization",
        "Логинов больше "
            + MAX_ROWS
            + ": в одну книгу они не поместятся. Выберите организацию (параметр organization)");
  }
}
