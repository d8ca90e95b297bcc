package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.logistics.LogisticsFixture;

/** Who may call the logistics operations, in and out of their scope. */
class LogisticsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    // A campaign whose published sample holds a school of Saratov (edu640001, the signed-in
    // school) and its neighbour, an Engels school, a college under no municipality and a school of
    // region 02.
    LogisticsFixture sample = new LogisticsFixture(fixture.as(FEDERAL), fixture.db());
    long campaign = sample.campaign("ВПР, матрица доступа к логистике");
    for (String login : List.of("edu640001", "edu640002", "edu640021", "spo640001", "edu020001")) {
      sample.select(campaign, login, 10, "rus-4");
    }
    sample.publish(campaign, "64");
    sample.publish(campaign, "02");
    long school = fixture.organizationId("edu640001");
    long neighbour = fixture.organizationId("edu640002");
    long engelsSchool = fixture.organizationId("edu640021");
    long college = fixture.organizationId("spo640001");
    long bashkirSchool = fixture.organizationId("edu020001");
    long saratovCity = fixture.municipalityOf("edu640001");
    long engels = fixture.municipalityOf("edu640021");
    String base = "/api/campaigns/" + campaign + "/logistics";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    String inventory = base + "/organizations/%d/inventory";
    rules.put(
        "downloadInventory",
        List.of(
            Case.get(FEDERAL, inventory.formatted(bashkirSchool), 200),
            Case.get(REGIONAL, inventory.formatted(engelsSchool), 200),
            Case.get(REGIONAL, inventory.formatted(bashkirSchool), 404),
            Case.get(MUNICIPAL, inventory.formatted(engelsSchool), 200),
            Case.get(MUNICIPAL, inventory.formatted(school), 404),
            Case.get(RESPONSIBLE, inventory.formatted(college), 200),
            Case.get(RESPONSIBLE, inventory.formatted(engelsSchool), 404),
            Case.get(SCHOOL, inventory.formatted(school), 200),
            Case.get(SCHOOL, inventory.formatted(neighbour), 404)));
    String statement = base + "/transfer-statement";
    rules.put(
        "downloadTransferStatement",
        List.of(
            Case.get(FEDERAL, statement + "?regionCode=02", 200),
            Case.get(REGIONAL, statement, 200),
            Case.get(REGIONAL, statement + "?regionCode=02", 404),
            Case.get(MUNICIPAL, statement, 200),
            Case.get(MUNICIPAL, statement + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, statement, 200),
            Case.get(RESPONSIBLE, statement + "?municipalityId=" + engels, 404),
            Case.get(SCHOOL, statement, 403)));
    String packets = base + "/packets";
    rules.put(
        "listPackets",
        List.of(
            Case.get(FEDERAL, packets + "?regionCode=02", 200),
            Case.get(REGIONAL, packets, 200),
            Case.get(REGIONAL, packets + "?regionCode=02", 404),
            Case.get(MUNICIPAL, packets + "?organizationId=" + engelsSchool, 200),
            Case.get(MUNICIPAL, packets + "?organizationId=" + school, 404),
            Case.get(RESPONSIBLE, packets + "?organizationId=" + college, 200),
            Case.get(RESPONSIBLE, packets + "?organizationId=" + engelsSchool, 404),
            Case.get(SCHOOL, packets, 200),
            Case.get(SCHOOL, packets + "?organizationId=" + neighbour, 404)));
    rules.put(
        "acceptPacket",
        List.of(
            Case.post(FEDERAL, packets, packet("M-1", bashkirSchool), 201),
            Case.post(REGIONAL, packets, packet("M-2", engelsSchool), 201),
            Case.post(REGIONAL, packets, packet("M-3", bashkirSchool), 404),
            Case.post(MUNICIPAL, packets, packet("M-4", engelsSchool), 201),
            Case.post(MUNICIPAL, packets, packet("M-5", school), 404),
            Case.post(RESPONSIBLE, packets, packet("M-6", college), 201),
            Case.post(RESPONSIBLE, packets, packet("M-7", engelsSchool), 404),
            Case.post(SCHOOL, packets, packet("M-8", school), 403)));
    return rules;
  }

  private static String packet(String number, long organizationId) {
    return "{\"packetNumber\":\"" + number + "\",\"organizationId\":" + organizationId + "}";
  }
}
