package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.ScanBatch;
import org.oko.api.model.ScanSheetPage;
import org.oko.scans.ScansFixture;
import org.springframework.http.MediaType;

/**
 * Who may call the scans operations, in and out of their scope. The scanning centre of region 64
 * (scan64) uploads for edu645001 (Саратов); scan02's batch of edu025001 is foreign to region 64.
 * Coordinators and the point read; only scanners (and a point allowed to scan locally) upload.
 */
class ScansAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String POINT = "edu645001";
  private static final String SCANNER = "scan64";
  private static final String FOREIGN_SCANNER = "scan02";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    ScansFixture scans = new ScansFixture(fixture.as(FEDERAL), fixture.db());
    long campaign = scans.campaign("ОМК, матрица доступа к сканам").getId();
    long point = fixture.organizationId(POINT);
    long foreignPoint = fixture.organizationId("edu025001");
    byte[] png = ScansFixture.png(501501, 1);
    ScanBatch done = ScansFixture.upload(fixture.as(SCANNER), campaign, point, "501501_1.png", png);
    long sheet = firstSheet(fixture, campaign, done.getId());
    // The point's sheet has a preview (here: itself, a PNG).
    fixture
        .db()
        .sql("update scan_sheet set thumbnail_key = blob_key where id = :id")
        .bind("id", sheet)
        .then()
        .block();
    ScanBatch foreign =
        ScansFixture.upload(fixture.as(FOREIGN_SCANNER), campaign, foreignPoint, "601_1.png", png);
    long foreignSheet = firstSheet(fixture, campaign, foreign.getId());
    ScanBatch receiving =
        ScansFixture.open(fixture.as(SCANNER), campaign, point, "501501_2.png", png);
    ScanBatch toCancel =
        ScansFixture.open(fixture.as(SCANNER), campaign, point, "501501_3.png", png);

    String batches = "/api/campaigns/" + campaign + "/scan-batches";
    String sheets = "/api/campaigns/" + campaign + "/scan-sheets";
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    String own = json(point);
    rules.put(
        "createScanBatch",
        List.of(
            Case.post(SCANNER, batches, own, 201),
            Case.post(SCANNER, batches, json(foreignPoint), 404),
            Case.post(FOREIGN_SCANNER, batches, json(foreignPoint), 201),
            Case.post(FEDERAL, batches, own, 403),
            Case.post(REGIONAL, batches, own, 403),
            Case.post(MUNICIPAL, batches, own, 403),
            Case.post(RESPONSIBLE, batches, own, 403),
            // A point scans itself only when its region allows it (not here).
            Case.post(POINT, batches, own, 403),
            Case.post(SCHOOL, batches, own, 404),
            Case.post(SCANNER, "/api/campaigns/999999999/scan-batches", own, 404)));
    rules.put(
        "listScanBatches",
        List.of(
            Case.get(FEDERAL, batches + "?organizationId=" + foreignPoint, 200),
            Case.get(REGIONAL, batches, 200),
            Case.get(REGIONAL, batches + "?organizationId=" + foreignPoint, 404),
            Case.get(MUNICIPAL, batches, 200),
            Case.get(RESPONSIBLE, batches, 200),
            Case.get(SCANNER, batches + "?organizationId=" + point, 200),
            Case.get(SCANNER, batches + "?organizationId=" + foreignPoint, 404),
            Case.get(POINT, batches, 200),
            // A school takes no part in an ОМК: the campaign does not exist for it.
            Case.get(SCHOOL, batches, 404)));
    String batch = "/api/scan-batches/" + done.getId();
    String foreignBatch = "/api/scan-batches/" + foreign.getId();
    rules.put(
        "getScanBatch",
        List.of(
            Case.get(FEDERAL, foreignBatch, 200),
            Case.get(REGIONAL, batch, 200),
            Case.get(REGIONAL, foreignBatch, 404),
            Case.get(MUNICIPAL, batch, 404),
            Case.get(RESPONSIBLE, batch, 404),
            Case.get(SCANNER, batch, 200),
            Case.get(SCANNER, foreignBatch, 404),
            Case.get(POINT, batch, 200),
            Case.get(SCHOOL, batch, 404)));
    String cancel = "/api/scan-batches/" + toCancel.getId();
    rules.put(
        "cancelScanBatch",
        List.of(
            Case.delete(FEDERAL, cancel, 403),
            Case.delete(REGIONAL, cancel, 403),
            Case.delete(MUNICIPAL, cancel, 403),
            Case.delete(RESPONSIBLE, cancel, 403),
            Case.delete(SCHOOL, cancel, 404),
            Case.delete(FOREIGN_SCANNER, cancel, 404),
            Case.delete(SCANNER, batch, 409),
            Case.delete(SCANNER, cancel, 204)));
    String content = "/api/scan-batches/" + receiving.getId() + "/content";
    rules.put(
        "uploadScanChunk",
        List.of(
            chunk(FEDERAL, content, 403),
            chunk(REGIONAL, content, 403),
            chunk(MUNICIPAL, content, 403),
            chunk(RESPONSIBLE, content, 403),
            chunk(SCHOOL, content, 404),
            chunk(FOREIGN_SCANNER, content, 404),
            chunk(SCANNER, "/api/scan-batches/" + foreign.getId() + "/content", 404),
            chunk(SCANNER, content, 200)));
    rules.put(
        "listScanSheets",
        List.of(
            Case.get(FEDERAL, sheets + "?regionCode=02", 200),
            Case.get(REGIONAL, sheets, 200),
            Case.get(REGIONAL, sheets + "?regionCode=02", 404),
            Case.get(REGIONAL, sheets + "?organizationId=" + foreignPoint, 404),
            Case.get(MUNICIPAL, sheets, 200),
            Case.get(RESPONSIBLE, sheets, 200),
            Case.get(SCANNER, sheets + "?status=ERROR", 200),
            Case.get(SCANNER, sheets + "?regionCode=02", 404),
            Case.get(POINT, sheets, 200),
            Case.get(SCHOOL, sheets, 404)));
    String export = "/api/campaigns/" + campaign + "/exports/scan-sheets";
    rules.put(
        "exportScanSheets",
        List.of(
            Case.get(FEDERAL, export + "?format=csv", 200),
            Case.get(REGIONAL, export, 200),
            Case.get("region64-system", export + "?format=ndjson", 200),
            Case.get(MUNICIPAL, export + "?format=csv", 200),
            Case.get(RESPONSIBLE, export + "?format=csv", 200),
            Case.get(SCANNER, export + "?format=ndjson&status=ERROR", 200),
            Case.get(SCANNER, export + "?status=LOST", 400),
            Case.get(POINT, export + "?format=csv", 200),
            // A school takes no part in an ОМК: the campaign does not exist for it.
            Case.get(SCHOOL, export, 404)));
    for (String suffix : List.of("", "/image", "/thumbnail")) {
      String ownSheet = "/api/scan-sheets/" + sheet + suffix;
      String foreignOne = "/api/scan-sheets/" + foreignSheet + suffix;
      rules.put(
          suffix.isEmpty()
              ? "getScanSheet"
              : suffix.equals("/image") ? "getScanSheetImage" : "getScanSheetThumbnail",
          List.of(
              Case.get(FEDERAL, ownSheet, 200),
              Case.get(REGIONAL, ownSheet, 200),
              Case.get(REGIONAL, foreignOne, 404),
              Case.get(MUNICIPAL, ownSheet, 404),
              Case.get(RESPONSIBLE, ownSheet, 404),
              Case.get(SCANNER, ownSheet, 200),
              Case.get(SCANNER, foreignOne, 404),
              Case.get(FOREIGN_SCANNER, ownSheet, 404),
              Case.get(POINT, ownSheet, 200),
              Case.get(SCHOOL, ownSheet, 404)));
    }
    String replacement = "/api/scan-sheets/" + sheet + "/replacement?fileName=501501_1.png";
    String octets = MediaType.APPLICATION_OCTET_STREAM_VALUE;
    rules.put(
        "replaceScanSheet",
        List.of(
            Case.upload(FEDERAL, replacement, octets, png, 403),
            Case.upload(REGIONAL, replacement, octets, png, 403),
            Case.upload(MUNICIPAL, replacement, octets, png, 403),
            Case.upload(RESPONSIBLE, replacement, octets, png, 403),
            Case.upload(SCHOOL, replacement, octets, png, 404),
            Case.upload(POINT, replacement, octets, png, 403),
            Case.upload(FOREIGN_SCANNER, replacement, octets, png, 404),
            Case.upload(
                SCANNER,
                "/api/scan-sheets/" + foreignSheet + "/replacement?fileName=601_1.png",
                octets,
                png,
                404),
            Case.upload(SCANNER, replacement, octets, png, 201)));
    String local = "/api/campaigns/" + campaign + "/regions/64/local-scanning";
    String foreignLocal = "/api/campaigns/" + campaign + "/regions/02/local-scanning";
    rules.put(
        "getLocalScanning",
        List.of(
            Case.get(FEDERAL, foreignLocal, 200),
            Case.get(REGIONAL, local, 200),
            Case.get(REGIONAL, foreignLocal, 404),
            Case.get(MUNICIPAL, local, 200),
            Case.get(RESPONSIBLE, local, 200),
            Case.get(SCANNER, local, 200),
            Case.get(SCANNER, foreignLocal, 404),
            Case.get(POINT, local, 200),
            Case.get(SCHOOL, local, 404)));
    rules.put(
        "listOwnLocalScanning",
        List.of(
            Case.get(FEDERAL, "/api/local-scanning", 403),
            Case.get(REGIONAL, "/api/local-scanning", 403),
            Case.get(MUNICIPAL, "/api/local-scanning", 403),
            Case.get(RESPONSIBLE, "/api/local-scanning", 403),
            Case.get(SCANNER, "/api/local-scanning", 403),
            Case.get(POINT, "/api/local-scanning", 200),
            Case.get(SCHOOL, "/api/local-scanning", 200)));
    String none = "{\"organizationIds\":[]}";
    rules.put(
        "setLocalScanning",
        List.of(
            Case.put(FEDERAL, foreignLocal, none, 200),
            Case.put(REGIONAL, local, none, 200),
            Case.put(REGIONAL, foreignLocal, none, 404),
            Case.put(REGIONAL, "/api/campaigns/999999999/regions/64/local-scanning", none, 404),
            Case.put(MUNICIPAL, local, none, 403),
            Case.put(RESPONSIBLE, local, none, 403),
            Case.put(SCANNER, local, none, 403),
            Case.put(POINT, local, none, 403),
            Case.put(SCHOOL, local, none, 403)));
    return rules;
  }

  private static String json(long organizationId) {
    return """
        {"subjectKey":"rus","organizationId":%d,"fileName":"501501_1.png","size":100}
        """
        .formatted(organizationId);
  }

  private static Case chunk(String caller, String uri, int status) {
    return new Case(
        caller,
        "PATCH",
        uri,
        new byte[] {1},
        ScansFixture.CHUNK_TYPE,
        status,
        Map.of("Upload-Offset", "0"));
  }

  private static long firstSheet(Fixture fixture, long campaign, long batchId) {
    return fixture
        .as(FEDERAL)
        .get()
        .uri("/api/campaigns/" + campaign + "/scan-sheets?batchId=" + batchId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ScanSheetPage.class)
        .returnResult()
        .getResponseBody()
        .getItems()
        .get(0)
        .getId();
  }
}
