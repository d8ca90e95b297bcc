package org.oko;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.scoring.ScoringFixture;

/** Who may call the scoring operations, in and out of their scope. */
class ScoringAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = "federal";
  private static final String REGIONAL = "region64";
  private static final String MUNICIPAL = "mun64-engels";
  private static final String RESPONSIBLE = "resp64";
  private static final String SCHOOL = "edu640001";
  private static final String SCANNER = "scan64";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    ScoringFixture scoring = new ScoringFixture(fixture.as(FEDERAL), fixture.db(), null);
    long campaign = scoring.campaign("Матрица доступа: эксперты", Instant.now());
    scoring.scheme(campaign, "rus", 0, 2);
    scoring.acceptedWorks(campaign, "rus", "edu645001", 1, 1, 2);
    String expert = scoring.expert(campaign, "64", "edu640001", "rus");
    String otherExpert = scoring.expert(campaign, "64", "edu640002", "rus");
    scoring.distribute(campaign, "64", "rus");
    long task = scoring.taskOf(campaign, expert, 1);
    long school64 = fixture.organizationId("edu640001");
    long school02 = fixture.organizationId("edu020001");
    long saratovPoint = fixture.organizationId("edu645001");
    String experts = "/api/campaigns/" + campaign + "/experts";
    String distributions = "/api/campaigns/" + campaign + "/scoring/distributions";
    String results = "/api/campaigns/" + campaign + "/scoring/results";
    String taskUri = "/api/scoring/tasks/" + task;
    String scores = "{\"scores\":[{\"code\":\"1\",\"score\":1},{\"code\":\"2\",\"score\":2}]}";
    String suffix = Long.toString(System.nanoTime() % 1_000_000);

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listExperts",
        List.of(
            Case.get(FEDERAL, experts + "?regionCode=02", 200),
            Case.get(REGIONAL, experts, 200),
            Case.get(REGIONAL, experts + "?regionCode=02", 404),
            Case.get(MUNICIPAL, experts, 403),
            Case.get(RESPONSIBLE, experts, 403),
            Case.get(SCHOOL, experts, 403),
            Case.get(SCANNER, experts, 403),
            Case.get(expert, experts, 403)));
    rules.put(
        "createExpert",
        List.of(
            Case.post(FEDERAL, experts, expertInput("mx-f" + suffix, "02", school02), 201),
            Case.post(REGIONAL, experts, expertInput("mx-r" + suffix, "64", school64), 201),
            Case.post(REGIONAL, experts, expertInput("mx-x" + suffix, "02", school02), 404),
            Case.post(REGIONAL, experts, expertInput("mx-y" + suffix, "64", school02), 404),
            Case.post(MUNICIPAL, experts, expertInput("mx-m" + suffix, "64", school64), 403),
            Case.post(RESPONSIBLE, experts, expertInput("mx-p" + suffix, "64", school64), 403),
            Case.post(SCHOOL, experts, expertInput("mx-s" + suffix, "64", school64), 403),
            Case.post(SCANNER, experts, expertInput("mx-c" + suffix, "64", school64), 403),
            Case.post(expert, experts, expertInput("mx-e" + suffix, "64", school64), 403)));
    String approve = "{\"decision\":\"APPROVE\"}";
    String decision = experts + "/" + otherExpert + "/decision";
    rules.put(
        "decideExpert",
        List.of(
            Case.post(FEDERAL, decision, approve, 200),
            Case.post(FEDERAL, experts + "/no-such-expert/decision", approve, 404),
            Case.post(REGIONAL, decision, approve, 403),
            Case.post(MUNICIPAL, decision, approve, 403),
            Case.post(RESPONSIBLE, decision, approve, 403),
            Case.post(SCHOOL, decision, approve, 403),
            Case.post(SCANNER, decision, approve, 403),
            Case.post(expert, decision, approve, 403)));
    rules.put(
        "distributeWorks",
        List.of(
            Case.post(FEDERAL, distributions, distribution("02"), 200),
            Case.post(REGIONAL, distributions, distribution("64"), 200),
            Case.post(REGIONAL, distributions, distribution("02"), 404),
            Case.post(MUNICIPAL, distributions, distribution("64"), 403),
            Case.post(RESPONSIBLE, distributions, distribution("64"), 403),
            Case.post(SCHOOL, distributions, distribution("64"), 403),
            Case.post(SCANNER, distributions, distribution("64"), 403),
            Case.post(expert, distributions, distribution("64"), 403)));
    rules.put(
        "listScoringTasks",
        List.of(
            Case.get(expert, "/api/scoring/tasks", 200),
            Case.get(FEDERAL, "/api/scoring/tasks", 403),
            Case.get(REGIONAL, "/api/scoring/tasks", 403),
            Case.get(MUNICIPAL, "/api/scoring/tasks", 403),
            Case.get(SCHOOL, "/api/scoring/tasks", 403),
            Case.get(SCANNER, "/api/scoring/tasks", 403)));
    rules.put(
        "getScoringTask",
        List.of(
            Case.get(expert, taskUri, 200),
            Case.get(otherExpert, taskUri, 404),
            Case.get(FEDERAL, taskUri, 403),
            Case.get(REGIONAL, taskUri, 403),
            Case.get(SCHOOL, taskUri, 403),
            Case.get(SCANNER, taskUri, 403)));
    rules.put(
        "getScoringTaskPage",
        List.of(
            Case.get(expert, taskUri + "/pages/1", 200),
            Case.get(otherExpert, taskUri + "/pages/1", 404),
            Case.get(FEDERAL, taskUri + "/pages/1", 403),
            Case.get(REGIONAL, taskUri + "/pages/1", 403),
            Case.get(SCHOOL, taskUri + "/pages/1", 403),
            Case.get(SCANNER, taskUri + "/pages/1", 403)));
    rules.put(
        "scoreTask",
        List.of(
            Case.put(otherExpert, taskUri + "/scores", scores, 404),
            Case.put(FEDERAL, taskUri + "/scores", scores, 403),
            Case.put(REGIONAL, taskUri + "/scores", scores, 403),
            Case.put(SCHOOL, taskUri + "/scores", scores, 403),
            Case.put(SCANNER, taskUri + "/scores", scores, 403),
            Case.put(expert, taskUri + "/scores", scores, 200)));
    rules.put(
        "listScoringResults",
        List.of(
            Case.get(FEDERAL, results, 200),
            Case.get(REGIONAL, results, 200),
            Case.get(REGIONAL, results + "?regionCode=02", 404),
            Case.get("region02", results, 200),
            Case.get(MUNICIPAL, results, 200),
            Case.get(MUNICIPAL, results + "?organizationId=" + saratovPoint, 404),
            Case.get(RESPONSIBLE, results, 200),
            Case.get(RESPONSIBLE, results + "?organizationId=" + saratovPoint, 404),
            // A school outside the ОМК's sample does not see the campaign at all.
            Case.get(SCHOOL, results, 404),
            Case.get(SCANNER, results, 403),
            Case.get(expert, results, 403)));
    return rules;
  }

  private static String expertInput(String login, String region, long organization) {
    return """
        {"login":"%s","displayName":"Эксперт","regionCode":"%s","organizationId":%d,
         "subjects":["rus"]}
        """
        .formatted(login, region, organization);
  }

  private static String distribution(String region) {
    return "{\"regionCode\":\"" + region + "\",\"subjectKey\":\"rus\"}";
  }
}
