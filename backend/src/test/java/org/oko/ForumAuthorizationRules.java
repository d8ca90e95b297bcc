package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.forum.ForumFixture;
import org.springframework.http.MediaType;

/**
 * Who may call the forum's and the bell's operations: every organizer of a campaign reads its forum
 * (not an organization's plain account, nor a scanning centre); in an СПО study its colleges'
 * responsible organizers ask and read every question and answer (seed 000); a campaign one has no
 * part in is 404; the federal organizer answers and moderates.
 */
class ForumAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String OTHER_REGION = "region02";
  private static final String SCANNER = "scan64";

  /** A college's responsible organizer in an СПО study (seed 000: asks, and sees all Q&A). */
  private static final String COLLEGE = ForumFixture.COLLEGE;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    ForumFixture forum = new ForumFixture(fixture.as(FEDERAL), fixture.db());
    long campaign = forum.campaign("Форум, матрица доступа");
    long only64 = forum.campaignOf64("Форум, матрица: только 64");
    long section = forum.section(campaign, "Матрица", false);
    long section64 = forum.section(only64, "Матрица 64", false);
    long question = ForumFixture.ask(fixture.as(REGIONAL), section, "Матрица", "Вопрос");
    long other = ForumFixture.ask(fixture.as(MUNICIPAL), section, "Матрица 2", "Вопрос 2");
    long answer = ForumFixture.answer(fixture.as(FEDERAL), question, "Ответ");
    long spo = forum.spoCampaign("Форум, матрица: СПО");
    long spoSection = forum.section(spo, "Матрица СПО", false);
    long spoQuestion = ForumFixture.ask(fixture.as(REGIONAL), spoSection, "СПО", "Вопрос СПО");
    ForumFixture.answer(fixture.as(FEDERAL), spoQuestion, "Ответ СПО");
    long file =
        ((Number)
                fixture
                    .as(REGIONAL)
                    .post()
                    .uri("/api/forum/attachments?fileName=a.png")
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(PNG)
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id"))
            .longValue();

    String sections = "/api/forum/sections";
    String q = "/api/forum/questions/";
    String ask = sections + "/" + section + "/questions";
    String body = "{\"title\":\"Т\",\"body\":\"Т\"}";
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listForumSections",
        List.of(
            Case.get(FEDERAL, sections + "?campaignId=" + campaign, 200),
            Case.get(REGIONAL, sections + "?campaignId=" + campaign, 200),
            Case.get(OTHER_REGION, sections + "?campaignId=" + only64, 404),
            Case.get(MUNICIPAL, sections, 200),
            Case.get(RESPONSIBLE, sections + "?campaignId=" + campaign, 200),
            Case.get(SCHOOL, sections + "?campaignId=" + campaign, 403),
            Case.get(COLLEGE, sections + "?campaignId=" + spo, 200),
            Case.get(COLLEGE, sections + "?campaignId=" + campaign, 404),
            Case.get(COLLEGE, sections, 403),
            Case.get(SCANNER, sections, 403)));
    String sectionBody = "{\"campaignId\":" + campaign + ",\"title\":\"Новый\"}";
    rules.put(
        "createForumSection",
        List.of(
            Case.post(FEDERAL, sections, sectionBody, 201),
            Case.post(REGIONAL, sections, sectionBody, 403),
            Case.post(SCHOOL, sections, sectionBody, 403)));
    rules.put(
        "updateForumSection",
        List.of(
            Case.put(FEDERAL, sections + "/" + section, "{\"title\":\"Матрица\"}", 200),
            Case.put(REGIONAL, sections + "/" + section, "{\"title\":\"Матрица\"}", 403),
            Case.put(FEDERAL, sections + "/999999999", "{\"title\":\"Нет\"}", 404)));
    rules.put(
        "askForumQuestion",
        List.of(
            Case.post(REGIONAL, ask, body, 201),
            Case.post(MUNICIPAL, ask, body, 201),
            Case.post(RESPONSIBLE, ask, body, 201),
            Case.post(FEDERAL, ask, body, 403),
            Case.post(SCHOOL, ask, body, 403),
            Case.post(COLLEGE, sections + "/" + spoSection + "/questions", body, 201),
            Case.post(COLLEGE, ask, body, 404),
            Case.post(OTHER_REGION, sections + "/" + section64 + "/questions", body, 404)));
    String list = "/api/forum/questions?campaignId=";
    rules.put(
        "listForumQuestions",
        List.of(
            Case.get(FEDERAL, list + campaign, 200),
            Case.get(OTHER_REGION, list + campaign, 200),
            Case.get(OTHER_REGION, list + only64, 404),
            Case.get(COLLEGE, list + spo, 200),
            Case.get(SCHOOL, list + campaign, 403)));
    String search = "/api/forum/search?q=матрица";
    rules.put(
        "searchForum",
        List.of(
            Case.get(FEDERAL, search, 200),
            Case.get(MUNICIPAL, search + "&campaignId=" + campaign, 200),
            Case.get(OTHER_REGION, search + "&campaignId=" + only64, 404),
            Case.get(COLLEGE, search, 200),
            Case.get(COLLEGE, search + "&campaignId=" + spo, 200),
            Case.get(SCHOOL, search, 403)));
    rules.put(
        "getForumQuestion",
        List.of(
            Case.get(FEDERAL, q + question, 200),
            Case.get(OTHER_REGION, q + question, 200),
            Case.get(RESPONSIBLE, q + question, 200),
            Case.get(SCHOOL, q + question, 403),
            Case.get(COLLEGE, q + spoQuestion, 200),
            Case.get(COLLEGE, q + question, 404),
            Case.get(FEDERAL, q + "999999999", 404)));
    rules.put(
        "moderateForumQuestion",
        List.of(
            new Case(FEDERAL, "PATCH", q + question, "{\"pinned\":true}", json(), 200),
            new Case(REGIONAL, "PATCH", q + question, "{\"pinned\":true}", json(), 403),
            new Case(SCHOOL, "PATCH", q + question, "{\"pinned\":true}", json(), 403),
            new Case(COLLEGE, "PATCH", q + spoQuestion, "{\"pinned\":true}", json(), 403)));
    rules.put(
        "mergeForumQuestion",
        List.of(
            Case.post(REGIONAL, q + other + "/merge", "{\"intoQuestionId\":" + question + "}", 403),
            Case.post(FEDERAL, q + other + "/merge", "{\"intoQuestionId\":999999999}", 404),
            Case.post(
                FEDERAL, q + other + "/merge", "{\"intoQuestionId\":" + question + "}", 200)));
    rules.put(
        "answerForumQuestion",
        List.of(
            Case.post(FEDERAL, q + question + "/answers", "{\"body\":\"О\"}", 201),
            Case.post(REGIONAL, q + question + "/answers", "{\"body\":\"О\"}", 403),
            Case.post(SCHOOL, q + question + "/answers", "{\"body\":\"О\"}", 403),
            Case.post(COLLEGE, q + spoQuestion + "/answers", "{\"body\":\"О\"}", 403)));
    String accept = q + question + "/accepted-answer";
    rules.put(
        "acceptForumAnswer",
        List.of(
            Case.put(REGIONAL, accept, "{\"answerId\":" + answer + "}", 200),
            Case.put(OTHER_REGION, accept, "{\"answerId\":" + answer + "}", 403),
            Case.put(FEDERAL, accept, "{\"answerId\":" + answer + "}", 200)));
    String answerUri = "/api/forum/answers/" + answer;
    rules.put(
        "moderateForumAnswer",
        List.of(
            new Case(FEDERAL, "PATCH", answerUri, "{\"hidden\":false}", json(), 200),
            new Case(REGIONAL, "PATCH", answerUri, "{\"hidden\":true}", json(), 403),
            new Case(SCHOOL, "PATCH", answerUri, "{\"hidden\":true}", json(), 403)));
    String upload = "/api/forum/attachments?fileName=b.png";
    String octets = MediaType.APPLICATION_OCTET_STREAM_VALUE;
    rules.put(
        "uploadForumAttachment",
        List.of(
            Case.upload(REGIONAL, upload, octets, PNG, 201),
            Case.upload(MUNICIPAL, upload, octets, PNG, 201),
            Case.upload(SCHOOL, upload, octets, PNG, 403),
            Case.upload(COLLEGE, upload, octets, PNG, 201),
            Case.upload(SCANNER, upload, octets, PNG, 403)));
    String content = "/api/forum/attachments/" + file + "/content";
    rules.put(
        "downloadForumAttachment",
        List.of(
            Case.get(REGIONAL, content, 200),
            Case.get(OTHER_REGION, content, 404),
            Case.get(SCHOOL, content, 404)));
    rules.put(
        "listNotifications",
        List.of(
            Case.get(FEDERAL, "/api/notifications", 200),
            Case.get(SCHOOL, "/api/notifications?unreadOnly=true", 200),
            Case.get("region64-system", "/api/notifications", 403)));
    rules.put(
        "countUnreadNotifications",
        List.of(
            Case.get(REGIONAL, "/api/notifications/unread-count", 200),
            Case.get(SCANNER, "/api/notifications/unread-count", 200),
            Case.get("region64-system", "/api/notifications/unread-count", 403)));
    rules.put(
        "markNotificationRead",
        List.of(
            Case.post(REGIONAL, "/api/notifications/999999999/read", null, 404),
            Case.post("region64-system", "/api/notifications/1/read", null, 403)));
    rules.put(
        "markAllNotificationsRead",
        List.of(
            Case.post(MUNICIPAL, "/api/notifications/read", null, 200),
            Case.post("region64-system", "/api/notifications/read", null, 403)));
    return rules;
  }

  private static String json() {
    return MediaType.APPLICATION_JSON_VALUE;
  }
}
