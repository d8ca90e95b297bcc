package org.oko;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.Campaign;
import org.oko.forms.FormsFixture;
import org.oko.testing.TestCampaigns;

/**
 * Who may read and take the questionnaire logins of a campaign without kits (issue 20
 * «Questionnaires outside ОМК»): the organization itself, in a campaign it takes part in; nobody
 * above it takes them (the passwords are handed to its teachers on strips). The workbook of issued
 * logins goes to the organization and to the coordinators of the organizations in their scope (the
 * region hands logins out as it hands out the organizations' own); another scope's organization
 * answers 404.
 */
class QuestionnaireLoginsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;

  /** An organization of the region that is not in the campaign's sample. */
  private static final String OUTSIDE = "edu645001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Campaign vpr =
        TestCampaigns.create(fixture.as(FEDERAL), "ВПР, матрица доступа к логинам анкет");
    vpr =
        TestCampaigns.schedule(
            fixture.as(FEDERAL),
            vpr,
            "QUESTIONNAIRE",
            now.minus(1, ChronoUnit.DAYS),
            now.plus(5, ChronoUnit.DAYS));
    new FormsFixture(fixture.as(FEDERAL), fixture.db()).publishSample(vpr.getId(), SCHOOL);
    long foreign =
        TestCampaigns.create(fixture.as(FEDERAL), "Кампания региона 25, логины анкет", "25")
            .getId();
    String base = "/api/campaigns/" + vpr.getId() + "/questionnaire-logins";
    String foreignBase = "/api/campaigns/" + foreign + "/questionnaire-logins";
    String body = "{\"count\":%d}";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listQuestionnaireLogins",
        List.of(
            Case.get(SCHOOL, base, 200),
            Case.get(SCHOOL, foreignBase, 404),
            Case.get(OUTSIDE, base, 404),
            Case.get(FEDERAL, base, 403),
            Case.get(REGIONAL, base, 403),
            Case.get(MUNICIPAL, base, 403),
            Case.get(RESPONSIBLE, base, 403)));
    rules.put(
        "issueQuestionnaireLogins",
        List.of(
            Case.post(SCHOOL, base, body.formatted(2), 200),
            Case.post(SCHOOL, base, body.formatted(501), 400),
            Case.post(SCHOOL, foreignBase, body.formatted(2), 404),
            Case.post(OUTSIDE, base, body.formatted(2), 404),
            Case.post(FEDERAL, base, body.formatted(2), 403),
            Case.post(REGIONAL, base, body.formatted(2), 403),
            Case.post(MUNICIPAL, base, body.formatted(2), 403),
            Case.post(RESPONSIBLE, base, body.formatted(2), 403)));
    String workbook = base + "/workbook";
    rules.put(
        "downloadQuestionnaireLogins",
        List.of(
            Case.get(SCHOOL, workbook, 200),
            Case.get(SCHOOL, workbook + "?organization=edu640002", 404),
            Case.get(SCHOOL, foreignBase + "/workbook", 404),
            Case.get(OUTSIDE, workbook, 404),
            Case.get(FEDERAL, workbook, 200),
            Case.get(REGIONAL, workbook + "?organization=" + SCHOOL, 200),
            Case.get(REGIONAL, workbook + "?organization=edu020001", 404),
            Case.get(MUNICIPAL, workbook, 200),
            Case.get(MUNICIPAL, workbook + "?organization=" + SCHOOL, 404),
            Case.get(RESPONSIBLE, workbook + "?organization=" + SCHOOL, 404),
            Case.get("scan64", workbook, 403)));
    return rules;
  }
}
