package org.oko;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.kits.KitsFixture;
import org.oko.testing.TestCampaigns;

/** Who may call the kits operations, in and out of their scope. */
class KitsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String POINT = "edu645001";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // An ОМК of regions 64 and 02 whose sample holds two Saratov points and one of region 02,
    // each with kits of Russian; and a campaign of region 25 only, foreign to region 64.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    KitsFixture kits = new KitsFixture(fixture.as(FEDERAL), fixture.db());
    long campaign =
        kits.campaign(
                "ОМК, матрица доступа к комплектам",
                now.minus(1, ChronoUnit.DAYS),
                now.plus(5, ChronoUnit.DAYS),
                POINT,
                "edu645002",
                "edu025001")
            .getId();
    long k = KitsFixture.freshKits();
    kits.assign(campaign, "rus", POINT, k + 1, k + 30);
    kits.assign(campaign, "rus", "edu645002", k + 31, k + 60);
    kits.assign(campaign, "rus", "edu025001", k + 61, k + 90);
    long range = kits.assign(campaign, "math", POINT, k + 1, k + 30);
    long foreign =
        TestCampaigns.create(fixture.as(FEDERAL), "Кампания региона 25, комплекты", "25").getId();
    String base = "/api/campaigns/" + campaign + "/kits";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listKits",
        List.of(
            Case.get(FEDERAL, base + "?organization=edu025001", 200),
            Case.get(REGIONAL, base, 200),
            Case.get(REGIONAL, base + "?organization=edu645002", 200),
            Case.get(REGIONAL, base + "?organization=edu025001", 404),
            Case.get(REGIONAL, "/api/campaigns/" + foreign + "/kits", 404),
            Case.get(MUNICIPAL, base, 200),
            Case.get(MUNICIPAL, base + "?organization=edu025001", 404),
            Case.get(RESPONSIBLE, base, 200),
            Case.get(RESPONSIBLE, base + "?organization=" + POINT, 404),
            Case.get(POINT, base, 200),
            Case.get(POINT, base + "?organization=" + POINT, 200),
            Case.get(POINT, base + "?organization=edu645002", 404),
            // A school takes no part in an ОМК: the campaign does not exist for it.
            Case.get(SCHOOL, base, 404)));
    String assignment =
        """
        {"subjectKey":"rus","ranges":[{"organization":"edu645002","first":%d,"last":%d}]}
        """;
    rules.put(
        "assignKits",
        List.of(
            Case.post(FEDERAL, base, assignment.formatted(k + 1001, k + 1010), 201),
            Case.post(FEDERAL, "/api/campaigns/999999999/kits", assignment.formatted(1, 2), 404),
            Case.post(REGIONAL, base, assignment.formatted(2001, 2010), 403),
            Case.post(MUNICIPAL, base, assignment.formatted(2001, 2010), 403),
            Case.post(RESPONSIBLE, base, assignment.formatted(2001, 2010), 403),
            Case.post(SCHOOL, base, assignment.formatted(2001, 2010), 403),
            Case.post(POINT, base, assignment.formatted(2001, 2010), 403)));
    rules.put(
        "deleteKitRange",
        List.of(
            Case.delete(REGIONAL, base + "/" + range, 403),
            Case.delete(MUNICIPAL, base + "/" + range, 403),
            Case.delete(RESPONSIBLE, base + "/" + range, 403),
            Case.delete(SCHOOL, base + "/" + range, 403),
            Case.delete(POINT, base + "/" + range, 403),
            Case.delete(FEDERAL, "/api/campaigns/" + foreign + "/kits/" + range, 404),
            Case.delete(FEDERAL, base + "/" + range, 204),
            Case.delete(FEDERAL, base + "/999999999", 404)));
    // Credentials and protocol 1 are the calling point's own: no one else may ask for them, and
    // the point only for a campaign and subject in which it has kits.
    for (String operation : List.of("listKitCredentials", "downloadProtocol1")) {
      String uri = base + (operation.equals("listKitCredentials") ? "/credentials" : "/protocol1");
      rules.put(
          operation,
          List.of(
              Case.get(POINT, uri + "?subjectKey=rus", 200),
              Case.get(POINT, uri + "?subjectKey=history", 404),
              Case.get(
                  POINT,
                  "/api/campaigns/"
                      + foreign
                      + (operation.equals("listKitCredentials")
                          ? "/kits/credentials"
                          : "/kits/protocol1")
                      + "?subjectKey=rus-4",
                  404),
              Case.get(FEDERAL, uri + "?subjectKey=rus", 403),
              Case.get(REGIONAL, uri + "?subjectKey=rus", 403),
              Case.get(MUNICIPAL, uri + "?subjectKey=rus", 403),
              Case.get(RESPONSIBLE, uri + "?subjectKey=rus", 403),
              Case.get(SCHOOL, uri + "?subjectKey=rus", 403)));
    }
    return rules;
  }
}
