package org.oko.questionnaires;

import org.oko.campaigns.CampaignDirectory;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Defining questionnaires without a request (demo data, administration): the same checks and
 * storage as {@code POST /api/campaigns/{id}/questionnaires}, on behalf of the federal organizer.
 */
@Service
public class QuestionnaireDefining {

  private static final Caller FEDERAL =
      new Caller("federal", "Федеральный организатор", Role.FEDERAL, null, null, null);

  private final QuestionnaireDefinitionService admin;
  private final CampaignDirectory campaigns;

  QuestionnaireDefining(QuestionnaireDefinitionService admin, CampaignDirectory campaigns) {
    this.admin = admin;
    this.campaigns = campaigns;
  }

  /**
   * Stores version 1 of the campaign's questionnaire for the category ({@code TEACHER} or {@code
   * METHODIST}).
   *
   * @return the questionnaire's id
   */
  public Mono<Long> define(
      long campaignId, String category, String title, QuestionnaireContent content) {
    return campaigns
        .visibleTo(FEDERAL, campaignId)
        .flatMap(
            campaign ->
                admin.define(
                    campaign,
                    new QuestionnaireDefinitionService.Draft(category, title, content),
                    FEDERAL.login()));
  }
}
