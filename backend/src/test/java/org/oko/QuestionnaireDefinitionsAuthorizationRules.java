package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.Questionnaire;
import org.oko.questionnaires.DefinitionFixture;

/** Who may call the questionnaire definition operations and the export, in and out of scope. */
class QuestionnaireDefinitionsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SYSTEM = "region64-system";
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String POINT = "edu645001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // An ОМК of regions 64 and 02 whose sample holds edu645001 (so it sees the campaign) with a
    // teacher questionnaire; and an ОМК of region 02 only, foreign to every Saratov caller.
    DefinitionFixture definitions = new DefinitionFixture(fixture.as(FEDERAL), fixture.db());
    long campaign = definitions.campaign("ОМК, матрица доступа к анкетам", POINT, "edu025001");
    Questionnaire own = definitions.define(campaign, "TEACHER");
    long foreignCampaign =
        fixture
            .as(FEDERAL)
            .post()
            .uri("/api/campaigns")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"kind":"OMK","title":"ОМК региона 02, анкеты","academicYear":"2025/2026",
                 "subjects":[{"key":"rus","name":"Русский язык"}],"regionCodes":["02"]}
                """)
            .exchange()
            .expectBody(org.oko.api.model.Campaign.class)
            .returnResult()
            .getResponseBody()
            .getId();
    Questionnaire foreign = definitions.define(foreignCampaign, "TEACHER");

    String list = "/api/campaigns/" + campaign + "/questionnaires";
    String foreignList = "/api/campaigns/" + foreignCampaign + "/questionnaires";
    String methodist = DefinitionFixture.input("METHODIST", "Анкета", DefinitionFixture.CONTENT);
    String one = "/api/questionnaires/" + own.getId();
    String foreignOne = "/api/questionnaires/" + foreign.getId();
    String update =
        "{\"expectedVersion\":%d,\"title\":\"Анкета\",\"content\":"
            + DefinitionFixture.CONTENT
            + "}";
    String export = "/api/campaigns/" + campaign + "/questionnaire-responses";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listQuestionnaires",
        List.of(
            Case.get(FEDERAL, foreignList, 200),
            Case.get(FEDERAL, "/api/campaigns/999999999/questionnaires", 404),
            Case.get(REGIONAL, list, 200),
            Case.get(REGIONAL, foreignList, 404),
            Case.get(MUNICIPAL, list, 200),
            Case.get(MUNICIPAL, foreignList, 404),
            Case.get(RESPONSIBLE, list, 200),
            Case.get(RESPONSIBLE, foreignList, 404),
            Case.get(POINT, list, 200),
            Case.get(POINT, foreignList, 404),
            // A school takes no part in an ОМК: the campaign does not exist for it.
            Case.get(SCHOOL, list, 404)));
    rules.put(
        "createQuestionnaire",
        List.of(
            Case.post(REGIONAL, list, methodist, 403),
            Case.post(MUNICIPAL, list, methodist, 403),
            Case.post(RESPONSIBLE, list, methodist, 403),
            Case.post(POINT, list, methodist, 403),
            Case.post(SCHOOL, list, methodist, 403),
            Case.post(FEDERAL, "/api/campaigns/999999999/questionnaires", methodist, 404),
            Case.post(FEDERAL, list, methodist, 201),
            Case.post(FEDERAL, list, methodist, 409)));
    rules.put(
        "getQuestionnaire",
        List.of(
            Case.get(FEDERAL, foreignOne, 200),
            Case.get(FEDERAL, "/api/questionnaires/999999999", 404),
            Case.get(REGIONAL, one, 200),
            Case.get(REGIONAL, one + "?version=1", 200),
            Case.get(REGIONAL, foreignOne, 404),
            Case.get(MUNICIPAL, one, 200),
            Case.get(MUNICIPAL, foreignOne, 404),
            Case.get(RESPONSIBLE, one, 200),
            Case.get(RESPONSIBLE, foreignOne, 404),
            Case.get(POINT, one, 200),
            Case.get(POINT, foreignOne, 404),
            Case.get(SCHOOL, one, 404)));
    rules.put(
        "updateQuestionnaire",
        List.of(
            Case.put(REGIONAL, one, update.formatted(1), 403),
            Case.put(MUNICIPAL, one, update.formatted(1), 403),
            Case.put(RESPONSIBLE, one, update.formatted(1), 403),
            Case.put(POINT, one, update.formatted(1), 403),
            Case.put(SCHOOL, one, update.formatted(1), 403),
            Case.put(FEDERAL, "/api/questionnaires/999999999", update.formatted(1), 404),
            Case.put(FEDERAL, one, update.formatted(1), 200),
            Case.put(FEDERAL, one, update.formatted(1), 409),
            Case.put(FEDERAL, foreignOne, update.formatted(1), 200)));
    rules.put(
        "exportQuestionnaireResponses",
        List.of(
            Case.get(FEDERAL, export, 200),
            Case.get(FEDERAL, export + "?format=csv&category=TEACHER", 200),
            Case.get(
                FEDERAL, "/api/campaigns/" + foreignCampaign + "/questionnaire-responses", 200),
            Case.get(FEDERAL, "/api/campaigns/999999999/questionnaire-responses", 404),
            // a region exports its own rows of a campaign it takes part in (issue 23)
            Case.get(REGIONAL, export, 200),
            Case.get(REGIONAL, export + "?format=csv", 200),
            // and so does its information system (API client)
            Case.get(SYSTEM, export + "?format=csv", 200),
            Case.get(
                REGIONAL, "/api/campaigns/" + foreignCampaign + "/questionnaire-responses", 404),
            Case.get(MUNICIPAL, export, 403),
            Case.get(RESPONSIBLE, export, 403),
            Case.get(POINT, export, 403),
            Case.get(SCHOOL, export, 403)));
    return rules;
  }
}
