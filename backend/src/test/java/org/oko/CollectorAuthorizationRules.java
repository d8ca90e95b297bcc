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

/** Who may call the collector operations, in and out of their scope. */
class CollectorAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String SCANNER = "scan64";
  private static final String POINT = "edu645001";

  private static final String SCHEME =
      """
      {"pages":2,"criteria":[{"code":"1","title":"Ответ","maxScore":3,"page":2}]}
      """;

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // An ОМК of regions 64 and 02 whose sample holds a Saratov point and one of region 02 (a
    // school takes no part in it); and a campaign of region 25 only, foreign to region 64.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long campaign =
        new KitsFixture(fixture.as(FEDERAL), fixture.db())
            .campaign(
                "ОМК, матрица доступа к коллектору",
                now.minus(20, ChronoUnit.DAYS),
                now.minus(15, ChronoUnit.DAYS),
                POINT,
                "edu025001")
            .getId();
    long foreign =
        TestCampaigns.create(fixture.as(FEDERAL), "Кампания региона 25, коллектор", "25").getId();
    long bashkirPoint = fixture.organizationId("edu025001");
    long point = fixture.organizationId(POINT);
    String base = "/api/campaigns/" + campaign;
    String foreignBase = "/api/campaigns/" + foreign;

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listScanSchemes",
        List.of(
            Case.get(FEDERAL, base + "/scan-schemes", 200),
            Case.get(REGIONAL, base + "/scan-schemes", 200),
            Case.get(REGIONAL, foreignBase + "/scan-schemes", 404),
            Case.get(MUNICIPAL, base + "/scan-schemes", 200),
            Case.get(RESPONSIBLE, base + "/scan-schemes", 200),
            Case.get(SCANNER, base + "/scan-schemes", 200),
            Case.get(SCANNER, foreignBase + "/scan-schemes", 404),
            Case.get(POINT, base + "/scan-schemes", 200),
            Case.get(SCHOOL, base + "/scan-schemes", 404)));
    rules.put(
        "putScanScheme",
        List.of(
            Case.put(FEDERAL, base + "/scan-schemes/rus", SCHEME, 200),
            Case.put(FEDERAL, base + "/scan-schemes/history", SCHEME, 404),
            Case.put(FEDERAL, "/api/campaigns/999999999/scan-schemes/rus", SCHEME, 404),
            Case.put(REGIONAL, base + "/scan-schemes/rus", SCHEME, 403),
            Case.put(MUNICIPAL, base + "/scan-schemes/rus", SCHEME, 403),
            Case.put(RESPONSIBLE, base + "/scan-schemes/rus", SCHEME, 403),
            Case.put(SCANNER, base + "/scan-schemes/rus", SCHEME, 403),
            Case.put(POINT, base + "/scan-schemes/rus", SCHEME, 403),
            Case.put(SCHOOL, base + "/scan-schemes/rus", SCHEME, 403)));
    String progress = base + "/scans/progress";
    rules.put(
        "getScanProgress",
        List.of(
            Case.get(FEDERAL, progress, 200),
            Case.get(FEDERAL, progress + "?regionCode=02", 200),
            Case.get(FEDERAL, progress + "?regionCode=25", 404),
            Case.get(REGIONAL, progress, 200),
            Case.get(REGIONAL, progress + "?regionCode=02", 404),
            Case.get(REGIONAL, foreignBase + "/scans/progress", 404),
            Case.get(MUNICIPAL, progress, 200),
            Case.get(MUNICIPAL, progress + "?regionCode=02", 404),
            Case.get(RESPONSIBLE, progress, 200),
            Case.get(SCANNER, progress, 200),
            Case.get(SCANNER, progress + "?regionCode=02", 404),
            Case.get(POINT, progress, 200),
            Case.get(SCHOOL, progress, 404)));
    String missing = base + "/scans/missing-pages";
    rules.put(
        "listMissingPages",
        List.of(
            Case.get(FEDERAL, missing + "?organizationId=" + bashkirPoint, 200),
            Case.get(REGIONAL, missing, 200),
            Case.get(REGIONAL, missing + "?organizationId=" + point, 200),
            Case.get(REGIONAL, missing + "?organizationId=" + bashkirPoint, 404),
            Case.get(REGIONAL, missing + "?regionCode=02", 404),
            Case.get(REGIONAL, foreignBase + "/scans/missing-pages", 404),
            Case.get(MUNICIPAL, missing, 200),
            Case.get(MUNICIPAL, missing + "?organizationId=" + point, 404),
            Case.get(RESPONSIBLE, missing, 200),
            Case.get(SCANNER, missing + "?organizationId=" + point, 200),
            Case.get(SCANNER, missing + "?organizationId=" + bashkirPoint, 404),
            Case.get(POINT, missing + "?organizationId=" + point, 200),
            Case.get(POINT, missing + "?organizationId=" + bashkirPoint, 404),
            Case.get(SCHOOL, missing, 404)));
    return rules;
  }
}
