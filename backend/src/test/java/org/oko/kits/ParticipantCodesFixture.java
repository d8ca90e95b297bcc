package org.oko.kits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.oko.api.model.Campaign;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormResponse;
import org.oko.forms.FormsFixture;
import org.oko.testing.TestCampaigns;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A ВПР campaign for the codes protocol (seed 004, 6.6–6.8 and 6.13.2): its application stage and
 * results stage open from a day ago for five days, the application form of the demo's shape (class,
 * subject, number of participants), the results protocol of mathematics, class 4, and a published
 * sample of the given schools. Public for the authorization matrix.
 */
public final class ParticipantCodesFixture {

  /** The application: a row per class and subject with its number of participants. */
  public static final String APPLICATION =
      """
      {"code":"%s","title":"Заявка на участие в ВПР","stage":"APPLICATION",
       "respondent":"ORGANIZATION","sheets":[
        {"key":"classes","title":"Заявка","columns":[
          {"key":"grade","title":"Класс","type":"INTEGER","required":true,"min":4,"max":11},
          {"key":"subject","title":"Предмет","type":"ENUM","required":true,
           "options":["Русский язык","Математика"]},
          {"key":"participants","title":"Число участников","type":"INTEGER","required":true,
           "min":0,"max":300}]}]}
      """;

  /** The campaign, its application form and its results protocol of mathematics, class 4. */
  public record Codes(Campaign campaign, FormDefinition application, FormDefinition results) {}

  private final WebTestClient federal;
  private final FormsFixture forms;

  public ParticipantCodesFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.forms = new FormsFixture(federal, db);
  }

  public Codes campaign(String title, Instant now, String... schools) {
    return campaign(title, now, false, schools);
  }

  /**
   * A ВПР of these schools with the application, its results protocol of mathematics (class 4) and,
   * if {@code codesStage}, the codes-protocol stage in its schedule (then codes are strict).
   */
  public Codes campaign(String title, Instant now, boolean codesStage, String... schools) {
    Instant opens = now.minus(Duration.ofDays(1));
    Instant closes = now.plus(Duration.ofDays(5));
    Campaign campaign = forms.campaign(title, opens, closes, schools);
    campaign =
        codesStage
            ? TestCampaigns.schedule(
                federal,
                campaign,
                "APPLICATION",
                opens,
                closes,
                "CODES_PROTOCOL",
                opens,
                closes,
                "RESULTS_PROTOCOL",
                opens,
                closes)
            : TestCampaigns.schedule(
                federal, campaign, "APPLICATION", opens, closes, "RESULTS_PROTOCOL", opens, closes);
    return new Codes(
        campaign,
        forms.form(campaign.getId(), APPLICATION, "application"),
        forms.form(campaign.getId(), FormsFixture.RESULTS, "results-m4"));
  }

  /**
   * {@code as} submits an application of {@code math} in mathematics and {@code rus} in Russian.
   */
  public static void apply(WebTestClient as, long applicationForm, int math, int rus) {
    FormResponse saved =
        FormsFixture.save(
            as,
            applicationForm,
            0,
            Map.of(
                "classes",
                List.of(
                    Map.of("grade", "4", "subject", "Математика", "participants", "" + math),
                    Map.of("grade", "4", "subject", "Русский язык", "participants", "" + rus))));
    FormsFixture.submit(as, applicationForm, saved.getVersion());
  }
}
