package org.oko.kits;

import java.util.Locale;
import java.util.Optional;
import org.oko.campaigns.CampaignInfo;

/**
 * Questionnaire logins of a campaign without kits (ВПР, СПО; issue 20, seed 000 «анкетирование
 * преподавателей ОО СПО»): an organization is issued as many one-off logins for its teachers as it
 * asks for. They are stored as the kits' credentials are, under the campaign's kind in lower case
 * in place of a subject ({@code spo}, {@code vpr}), so that sign-in, sessions and monitoring work
 * for them unchanged; the login is then {@code uspo} + region + number ({@code uspo64000001}).
 */
public final class QuestionnaireLogins {

  /** At most this many logins per organization and campaign. */
  public static final int MAX_PER_ORGANIZATION = 500;

  private QuestionnaireLogins() {}

  /** The key the logins of a campaign of this kind are stored under. */
  public static String subjectKey(CampaignInfo.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Who answers with logins stored under {@code subjectKey} («Преподаватели» of a college,
   * «Учителя» of a school); empty for a kit's subject.
   */
  public static Optional<String> respondents(String subjectKey) {
    if ("spo".equals(subjectKey)) {
      return Optional.of("Преподаватели");
    }
    if ("vpr".equals(subjectKey)) {
      return Optional.of("Учителя");
    }
    return Optional.empty();
  }
}
