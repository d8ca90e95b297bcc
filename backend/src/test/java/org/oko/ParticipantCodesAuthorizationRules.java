package org.oko;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.kits.ParticipantCodesFixture;
import org.oko.testing.TestCampaigns;

/**
 * Who may read and issue a school's ВПР participant codes and download its codes protocol (seed
 * 004, 6.13.2): the school itself, in a campaign it takes part in; no one above it (the names
 * beside the codes are the school's alone, and the codes are its working material).
 */
class ParticipantCodesAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String POINT = "edu645001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ParticipantCodesFixture.Codes codes =
        new ParticipantCodesFixture(fixture.as(FEDERAL), fixture.db())
            .campaign("ВПР, матрица доступа к кодам", now, SCHOOL, "edu020001");
    ParticipantCodesFixture.apply(fixture.as(SCHOOL), codes.application().getId(), 5, 5);
    long campaign = codes.campaign().getId();
    long foreign =
        TestCampaigns.create(fixture.as(FEDERAL), "Кампания региона 25, коды", "25").getId();
    String base = "/api/campaigns/" + campaign + "/participant-codes";
    String foreignBase = "/api/campaigns/" + foreign + "/participant-codes";
    String body = "{\"subjectKey\":\"math-4\",\"count\":%d}";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    for (String operation : List.of("listParticipantCodes", "downloadCodesProtocol")) {
      String suffix = operation.equals("listParticipantCodes") ? "" : "/protocol";
      String uri = base + suffix + "?subjectKey=math-4";
      rules.put(
          operation,
          List.of(
              Case.get(SCHOOL, uri, 200),
              Case.get(SCHOOL, base + suffix + "?subjectKey=history-9", 404),
              Case.get(SCHOOL, foreignBase + suffix + "?subjectKey=math-4", 404),
              Case.get(POINT, uri, 404),
              Case.get(FEDERAL, uri, 403),
              Case.get(REGIONAL, uri, 403),
              Case.get(MUNICIPAL, uri, 403),
              Case.get(RESPONSIBLE, uri, 403)));
    }
    rules.put(
        "issueParticipantCodes",
        List.of(
            Case.post(SCHOOL, base, body.formatted(2), 200),
            Case.post(SCHOOL, base, body.formatted(6), 422),
            Case.post(SCHOOL, foreignBase, body.formatted(2), 404),
            Case.post(POINT, base, body.formatted(2), 404),
            Case.post(FEDERAL, base, body.formatted(2), 403),
            Case.post(REGIONAL, base, body.formatted(2), 403),
            Case.post(MUNICIPAL, base, body.formatted(2), 403),
            Case.post(RESPONSIBLE, base, body.formatted(2), 403)));
    return rules;
  }
}
