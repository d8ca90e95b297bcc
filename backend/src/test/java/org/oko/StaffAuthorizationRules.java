package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.testing.StaffFiles;
import org.oko.testing.TestCampaigns;

/**
 * Staff registers (issue 19; seed 000_c9abf0b417e3d9bf.txt): the region, its coordinators and a
 * school keep and read the registers of their scope; only the region sends its list of responsible
 * organizers, which the federal organizer reads. A row for an organization outside the caller's
 * scope is a 422 by cell; another region's list is a 404.
 */
class StaffAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String FOREIGN_REGION = "region02";
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String SCANNER = "scan64";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    long campaign =
        TestCampaigns.create(
                fixture.as(FEDERAL), "Матрица: работники " + System.nanoTime(), "64", "02")
            .getId();
    setUp(fixture, campaign);
    String uri = "/api/campaigns/" + campaign + "/staff";
    byte[] saratov = file("edu640001");
    byte[] engels = file("edu640021");

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "getStaffTemplate",
        List.of(
            Case.get(REGIONAL, uri + "/template", 200),
            Case.get(MUNICIPAL, uri + "/template", 200),
            Case.get(RESPONSIBLE, uri + "/template", 200),
            Case.get(SCHOOL, uri + "/template", 200),
            Case.get(FEDERAL, uri + "/template", 403),
            Case.get(SCANNER, uri + "/template", 403),
            Case.get(REGIONAL, "/api/campaigns/999999/staff/template", 404)));
    rules.put(
        "importStaff",
        List.of(
            Case.upload(REGIONAL, uri + "/imports", XLSX, saratov, 200),
            Case.upload(MUNICIPAL, uri + "/imports", XLSX, engels, 200),
            Case.upload(MUNICIPAL, uri + "/imports", XLSX, saratov, 422),
            Case.upload(SCHOOL, uri + "/imports", XLSX, saratov, 200),
            Case.upload(SCHOOL, uri + "/imports", XLSX, engels, 422),
            Case.upload(FOREIGN_REGION, uri + "/imports", XLSX, saratov, 422),
            Case.upload(FEDERAL, uri + "/imports", XLSX, saratov, 403),
            Case.upload(SCANNER, uri + "/imports", XLSX, saratov, 403),
            Case.upload("", uri + "/imports", XLSX, saratov, 401)));
    rules.put(
        "listStaffCoverage",
        List.of(
            Case.get(FEDERAL, uri + "?regionCode=64", 200),
            Case.get(FEDERAL, uri, 400),
            Case.get(REGIONAL, uri, 200),
            Case.get(REGIONAL, uri + "?regionCode=02", 404),
            Case.get(FOREIGN_REGION, uri + "?regionCode=64", 404),
            Case.get(MUNICIPAL, uri + "?missingOnly=true", 200),
            Case.get(RESPONSIBLE, uri, 200),
            Case.get(SCHOOL, uri, 200),
            Case.get(SCANNER, uri, 403)));
    rules.put(
        "listStaffSubmissions",
        List.of(
            Case.get(FEDERAL, uri + "/submissions", 200),
            Case.get(REGIONAL, uri + "/submissions", 200),
            Case.get(FOREIGN_REGION, uri + "/submissions", 200),
            Case.get(MUNICIPAL, uri + "/submissions", 403),
            Case.get(SCHOOL, uri + "/submissions", 403)));
    rules.put(
        "submitStaffRegister",
        List.of(
            Case.post(REGIONAL, uri + "/submissions", null, 201),
            // Region 02's sample is not published: nothing to send.
            Case.post(FOREIGN_REGION, uri + "/submissions", null, 409),
            Case.post(FEDERAL, uri + "/submissions", null, 403),
            Case.post(MUNICIPAL, uri + "/submissions", null, 403),
            Case.post(RESPONSIBLE, uri + "/submissions", null, 403),
            Case.post(SCHOOL, uri + "/submissions", null, 403)));
    rules.put(
        "getStaffSubmissionFile",
        List.of(
            Case.get(FEDERAL, uri + "/submissions/64/file", 200),
            Case.get(FEDERAL, uri + "/submissions/02/file", 404),
            Case.get(REGIONAL, uri + "/submissions/64/file", 200),
            Case.get(FOREIGN_REGION, uri + "/submissions/64/file", 404),
            Case.get(MUNICIPAL, uri + "/submissions/64/file", 403),
            Case.get(SCHOOL, uri + "/submissions/64/file", 403)));
    return rules;
  }

  /** A published sample of two region 64 schools, both with a responsible organizer, and a list. */
  private static void setUp(Fixture fixture, long campaign) {
    fixture
        .db()
        .sql(
            "insert into sample_entry (campaign_id, organization_id, region_code, status,"
                + " participants, institution_type, settlement_type, education_levels)"
                + " select :c, id, region_code, 'SELECTED', 25, 'Средняя общеобразовательная"
                + " школа', settlement_type, education_levels from organization"
                + " where login in ('edu640001', 'edu640021')")
        .bind("c", campaign)
        .then()
        .block();
    fixture
        .db()
        .sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:c, '64', now(), 'federal')")
        .bind("c", campaign)
        .then()
        .block();
    fixture
        .db()
        .sql(
            "insert into staff_member (campaign_id, organization_id, region_code, duty, full_name,"
                + " updated_by) select :c, id, region_code, 'RESPONSIBLE_ORGANIZER', 'Проверка',"
                + " 'matrix' from organization where login in ('edu640001', 'edu640021')")
        .bind("c", campaign)
        .then()
        .block();
    fixture
        .db()
        .sql(
            "insert into staff_register_submission (campaign_id, region_code, submitted_at,"
                + " submitted_by, organizations) values (:c, '64', now(), 'region64', 2)")
        .bind("c", campaign)
        .then()
        .block();
  }

  /** One responsible organizer for the organization. */
  private static byte[] file(String organization) {
    return StaffFiles.register(
        List.<String[]>of(
            new String[] {organization, "Ответственный организатор", "Проверка Доступа"}));
  }
}
