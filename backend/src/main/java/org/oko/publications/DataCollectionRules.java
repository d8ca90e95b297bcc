package org.oko.publications;

import org.oko.campaigns.CampaignInfo;

/**
 * Which «Сбор данных» block a publication of a campaign may carry (issue 20): a form of that very
 * campaign; protocol 1 only in an ОМК (its kits), the codes protocol only in a ВПР (seed 004
 * 6.13.2); a tool's subject one of the campaign's.
 */
final class DataCollectionRules {

  private DataCollectionRules() {}

  /**
   * Why {@code block} may not go into a publication of {@code campaign} ({@code form}: the form it
   * names, null when there is none such); null when it may.
   */
  static String refusal(
      DataCollectionBlock block, CampaignInfo campaign, DataCollectionStore.FormRef form) {
    return switch (block.kind()) {
      case FORM -> formRefusal(block, campaign, form);
      case PROTOCOL1 ->
          campaign.kind() != CampaignInfo.Kind.OMK
              ? "Электронный протокол 1 есть только в ОМК/ОПиМК, а публикация — из кампании «"
                  + campaign.title()
                  + "». Выберите форму кампании"
              : subjectRefusal(block, campaign);
      case CODES_PROTOCOL ->
          campaign.kind() != CampaignInfo.Kind.VPR
              ? "Протокол проведения с кодами есть только в ВПР, а публикация — из кампании «"
                  + campaign.title()
                  + "». Выберите форму кампании"
              : subjectRefusal(block, campaign);
    };
  }

  private static String formRefusal(
      DataCollectionBlock block, CampaignInfo campaign, DataCollectionStore.FormRef form) {
    if (block.formId() == null) {
      return "Выберите форму кампании для блока «Сбор данных»";
    }
    if (form == null || form.campaignId() != campaign.id()) {
      return "Формы № "
          + block.formId()
          + " нет в кампании «"
          + campaign.title()
          + "»: в публикацию можно вложить только форму её кампании";
    }
    return null;
  }

  private static String subjectRefusal(DataCollectionBlock block, CampaignInfo campaign) {
    if (block.subjectKey() == null
        || campaign.subjects().stream().anyMatch(s -> s.key().equals(block.subjectKey()))) {
      return null;
    }
    return "В кампании «"
        + campaign.title()
        + "» нет предмета «"
        + block.subjectKey()
        + "»: выберите предмет кампании или все предметы";
  }
}
