package org.oko;

import static org.oko.AuthorizationMatrixTests.FEDERAL_LOGIN;
import static org.oko.AuthorizationMatrixTests.MUNICIPAL_LOGIN;
import static org.oko.AuthorizationMatrixTests.REGIONAL_LOGIN;
import static org.oko.AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
import static org.oko.AuthorizationMatrixTests.SCHOOL_LOGIN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call the publications operations, in and out of their scope. Authors are FEDERAL and a
 * region, each changing its own only (FEDERAL reads a region's drafts); everyone else reads what is
 * released to it. A publication a caller may not read answers 404; one it reads but may not change,
 * 403.
 */
class PublicationsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = FEDERAL_LOGIN;
  private static final String REGIONAL = REGIONAL_LOGIN;
  private static final String MUNICIPAL = MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = RESPONSIBLE_LOGIN;
  private static final String SCHOOL = SCHOOL_LOGIN;
  private static final String OTHER_REGION = "region02";

  private static final String EVERYONE =
      "{\"roles\":[\"ORGANIZATION\",\"REGIONAL\",\"MUNICIPAL\",\"RESPONSIBLE\"],"
          + "\"regionCodes\":[],\"sampleOnly\":false}";
  private static final String SCHOOLS_OF_64 =
      "{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"64\"],\"sampleOnly\":false}";
  private static final String SCHOOLS_OF_02 =
      "{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"02\"],\"sampleOnly\":false}";
  private static final String ZIP = "application/zip";
  private static final String BYTES = MediaType.APPLICATION_OCTET_STREAM_VALUE;

  private Fixture fixture;
  private long campaign;

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    this.fixture = fixture;
    campaign = campaign("[\"64\",\"02\"]");
    long onlyRegion64 = campaign("[\"64\"]");
    long otherSchool = fixture.organizationId("edu640002");
    long saratov = fixture.municipalityOf("edu640001");

    // Released to everyone, with a common file and a file per school of Saratov.
    long released = draft(FEDERAL, EVERYONE);
    long common = attach(FEDERAL, released);
    long perSchool = attachArchive(FEDERAL, released, "edu640001", "edu640002");
    publish(released);
    // Drafts: the federal organizer's and region 64's, each with a file.
    long federalDraft = draft(FEDERAL, EVERYONE);
    long federalDraftFile = attach(FEDERAL, federalDraft);
    long regionDraft = draft(REGIONAL, SCHOOLS_OF_64);
    long regionDraftFile = attach(REGIONAL, regionDraft);

    String list = "/api/publications";
    String p = list + "/";
    String create = "{\"campaignId\":%d,\"title\":\"Т\",\"body\":\"\",\"audience\":%s}";
    String update = create.formatted(campaign, SCHOOLS_OF_64);
    String upload = "/attachments?fileName=a.pdf&kind=INSTRUCTION";
    String archive = "/attachments/per-organization?kind=VARIANTS";
    byte[] pdf = pdf();
    byte[] ownZip = zip("edu640001");
    byte[] foreignZip = zip("edu020001");
    String content = "/attachments/" + common + "/content";
    String ownFile = "/attachments/" + perSchool + "/content";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listPublications",
        List.of(
            Case.get(FEDERAL, list, 200),
            Case.get(REGIONAL, list + "?campaignId=" + campaign, 200),
            Case.get(MUNICIPAL, list, 200),
            Case.get(RESPONSIBLE, list, 200),
            Case.get(SCHOOL, list + "?unreadOnly=true", 200)));
    rules.put(
        "createPublication",
        List.of(
            Case.post(FEDERAL, list, create.formatted(campaign, EVERYONE), 201),
            Case.post(REGIONAL, list, create.formatted(campaign, SCHOOLS_OF_64), 201),
            Case.post(REGIONAL, list, create.formatted(campaign, SCHOOLS_OF_02), 422),
            Case.post(OTHER_REGION, list, create.formatted(onlyRegion64, SCHOOLS_OF_02), 404),
            Case.post(MUNICIPAL, list, create.formatted(campaign, EVERYONE), 403),
            Case.post(RESPONSIBLE, list, create.formatted(campaign, EVERYONE), 403),
            Case.post(SCHOOL, list, create.formatted(campaign, EVERYONE), 403)));
    rules.put(
        "getPublication",
        List.of(
            Case.get(FEDERAL, p + regionDraft, 200),
            Case.get(REGIONAL, p + regionDraft, 200),
            Case.get(REGIONAL, p + federalDraft, 404),
            Case.get(OTHER_REGION, p + regionDraft, 404),
            Case.get(OTHER_REGION, p + released, 200),
            Case.get(MUNICIPAL, p + released, 200),
            Case.get(MUNICIPAL, p + regionDraft, 404),
            Case.get(RESPONSIBLE, p + released, 200),
            Case.get(SCHOOL, p + released, 200),
            Case.get(SCHOOL, p + federalDraft, 404)));
    rules.put(
        "updatePublication",
        List.of(
            Case.put(FEDERAL, p + draft(FEDERAL, EVERYONE), update, 200),
            Case.put(FEDERAL, p + regionDraft, update, 403),
            Case.put(REGIONAL, p + regionDraft, update, 200),
            Case.put(FEDERAL, p + released, update, 409),
            Case.put(REGIONAL, p + released, update, 403),
            Case.put(OTHER_REGION, p + regionDraft, update, 404),
            Case.put(MUNICIPAL, p + regionDraft, update, 403),
            Case.put(SCHOOL, p + released, update, 403)));
    rules.put(
        "deletePublication",
        List.of(
            Case.delete(FEDERAL, p + draft(FEDERAL, EVERYONE), 204),
            Case.delete(FEDERAL, p + regionDraft, 403),
            Case.delete(REGIONAL, p + draft(REGIONAL, SCHOOLS_OF_64), 204),
            Case.delete(FEDERAL, p + released, 409),
            Case.delete(REGIONAL, p + federalDraft, 404),
            Case.delete(OTHER_REGION, p + regionDraft, 404),
            Case.delete(MUNICIPAL, p + regionDraft, 403),
            Case.delete(RESPONSIBLE, p + regionDraft, 403),
            Case.delete(SCHOOL, p + regionDraft, 403)));
    rules.put(
        "publishPublication",
        List.of(
            Case.post(FEDERAL, p + draft(FEDERAL, SCHOOLS_OF_64) + "/publish", "{}", 200),
            Case.post(FEDERAL, p + regionDraft + "/publish", "{}", 403),
            Case.post(REGIONAL, p + draft(REGIONAL, SCHOOLS_OF_64) + "/publish", "{}", 200),
            Case.post(FEDERAL, p + released + "/publish", "{}", 409),
            Case.post(
                REGIONAL,
                p + regionDraft + "/publish",
                "{\"releaseAt\":\"2001-01-01T00:00:00Z\"}",
                422),
            Case.post(OTHER_REGION, p + regionDraft + "/publish", "{}", 404),
            Case.post(MUNICIPAL, p + regionDraft + "/publish", "{}", 403),
            Case.post(SCHOOL, p + released + "/publish", "{}", 403)));
    rules.put(
        "markPublicationRead",
        List.of(
            Case.post(FEDERAL, p + regionDraft + "/read", null, 204),
            Case.post(REGIONAL, p + released + "/read", null, 204),
            Case.post(OTHER_REGION, p + regionDraft + "/read", null, 404),
            Case.post(MUNICIPAL, p + released + "/read", null, 204),
            Case.post(RESPONSIBLE, p + released + "/read", null, 204),
            Case.post(SCHOOL, p + released + "/read", null, 204),
            Case.post(SCHOOL, p + federalDraft + "/read", null, 404)));
    rules.put(
        "uploadAttachment",
        List.of(
            Case.upload(FEDERAL, p + federalDraft + upload, BYTES, pdf, 201),
            Case.upload(REGIONAL, p + regionDraft + upload, BYTES, pdf, 201),
            Case.upload(FEDERAL, p + regionDraft + upload, BYTES, pdf, 403),
            Case.upload(FEDERAL, p + released + upload, BYTES, pdf, 409),
            Case.upload(REGIONAL, p + federalDraft + upload, BYTES, pdf, 404),
            Case.upload(OTHER_REGION, p + regionDraft + upload, BYTES, pdf, 404),
            Case.upload(MUNICIPAL, p + regionDraft + upload, BYTES, pdf, 403),
            Case.upload(RESPONSIBLE, p + regionDraft + upload, BYTES, pdf, 403),
            Case.upload(SCHOOL, p + regionDraft + upload, BYTES, pdf, 403)));
    rules.put(
        "uploadPerOrganizationArchive",
        List.of(
            Case.upload(FEDERAL, p + federalDraft + archive, ZIP, ownZip, 201),
            Case.upload(REGIONAL, p + regionDraft + archive, ZIP, ownZip, 201),
            Case.upload(REGIONAL, p + regionDraft + archive, ZIP, foreignZip, 422),
            Case.upload(FEDERAL, p + released + archive, ZIP, ownZip, 409),
            Case.upload(OTHER_REGION, p + regionDraft + archive, ZIP, ownZip, 404),
            Case.upload(MUNICIPAL, p + regionDraft + archive, ZIP, ownZip, 403),
            Case.upload(SCHOOL, p + regionDraft + archive, ZIP, ownZip, 403)));
    rules.put(
        "deleteAttachment",
        List.of(
            Case.delete(FEDERAL, p + federalDraft + "/attachments/" + federalDraftFile, 204),
            Case.delete(REGIONAL, p + regionDraft + "/attachments/" + regionDraftFile, 204),
            Case.delete(FEDERAL, p + released + "/attachments/" + common, 409),
            Case.delete(
                OTHER_REGION,
                p + regionDraft + "/attachments/" + attach(REGIONAL, regionDraft),
                404),
            Case.delete(MUNICIPAL, p + released + "/attachments/" + common, 403),
            Case.delete(SCHOOL, p + released + "/attachments/" + common, 403)));
    rules.put(
        "downloadAttachment",
        List.of(
            Case.get(FEDERAL, p + released + content, 200),
            Case.get(REGIONAL, p + released + content, 200),
            Case.get(OTHER_REGION, p + released + content, 200),
            Case.get(MUNICIPAL, p + released + content, 200),
            Case.get(RESPONSIBLE, p + released + content, 200),
            Case.get(SCHOOL, p + released + content, 200),
            Case.get(
                SCHOOL, p + federalDraft + "/attachments/" + federalDraftFile + "/content", 404),
            Case.get(SCHOOL, p + released + ownFile, 200),
            Case.get(SCHOOL, p + released + ownFile + "?organizationId=" + otherSchool, 404),
            Case.get(REGIONAL, p + released + ownFile + "?organizationId=" + otherSchool, 200),
            Case.get(REGIONAL, p + released + ownFile, 400),
            Case.get(MUNICIPAL, p + released + ownFile + "?organizationId=" + otherSchool, 404),
            Case.get(OTHER_REGION, p + released + ownFile + "?organizationId=" + otherSchool, 404),
            Case.get(
                OTHER_REGION,
                p + regionDraft + "/attachments/" + regionDraftFile + "/content",
                404)));
    rules.put(
        "listPublicationDownloads",
        List.of(
            Case.get(FEDERAL, p + released + "/downloads?regionCode=02", 200),
            Case.get(REGIONAL, p + released + "/downloads", 200),
            Case.get(REGIONAL, p + released + "/downloads?regionCode=02", 404),
            Case.get(REGIONAL, p + regionDraft + "/downloads", 200),
            Case.get(OTHER_REGION, p + regionDraft + "/downloads", 404),
            Case.get(MUNICIPAL, p + released + "/downloads", 200),
            Case.get(MUNICIPAL, p + released + "/downloads?municipalityId=" + saratov, 404),
            Case.get(MUNICIPAL, p + federalDraft + "/downloads", 404),
            Case.get(RESPONSIBLE, p + released + "/downloads", 200),
            Case.get(SCHOOL, p + released + "/downloads", 403)));
    rules.put(
        "exportPublicationDownloads",
        List.of(
            Case.get(FEDERAL, p + released + "/downloads/export?regionCode=02", 200),
            Case.get(REGIONAL, p + released + "/downloads/export", 200),
            Case.get(REGIONAL, p + released + "/downloads/export?regionCode=02", 404),
            Case.get(OTHER_REGION, p + regionDraft + "/downloads/export", 404),
            Case.get(MUNICIPAL, p + released + "/downloads/export", 200),
            Case.get(MUNICIPAL, p + released + "/downloads/export?municipalityId=" + saratov, 404),
            Case.get(RESPONSIBLE, p + released + "/downloads/export", 200),
            Case.get(SCHOOL, p + released + "/downloads/export", 403)));
    // issue 20: the «Сбор данных» block, its author's (a ВПР: the codes protocol, not protocol 1)
    String block = "/data-collection";
    String codes = "{\"kind\":\"CODES_PROTOCOL\"}";
    rules.put(
        "setPublicationDataCollection",
        List.of(
            Case.put(FEDERAL, p + released + block, codes, 200),
            Case.put(FEDERAL, p + released + block, "{\"kind\":\"PROTOCOL1\"}", 422),
            Case.put(FEDERAL, p + regionDraft + block, codes, 403),
            Case.put(REGIONAL, p + regionDraft + block, codes, 200),
            Case.put(REGIONAL, p + federalDraft + block, codes, 404),
            Case.put(OTHER_REGION, p + regionDraft + block, codes, 404),
            Case.put(MUNICIPAL, p + released + block, codes, 403),
            Case.put(SCHOOL, p + released + block, codes, 403)));
    rules.put(
        "clearPublicationDataCollection",
        List.of(
            Case.delete(FEDERAL, p + released + block, 200),
            Case.delete(FEDERAL, p + regionDraft + block, 403),
            Case.delete(REGIONAL, p + regionDraft + block, 200),
            Case.delete(OTHER_REGION, p + regionDraft + block, 404),
            Case.delete(MUNICIPAL, p + released + block, 403),
            Case.delete(SCHOOL, p + released + block, 403)));
    return rules;
  }

  private long campaign(String regions) {
    return id(
        fixture
            .as(FEDERAL)
            .post()
            .uri("/api/campaigns")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"kind\":\"VPR\",\"title\":\"ВПР, права на публикации\","
                    + "\"academicYear\":\"2025/2026\",\"subjects\":[],\"regionCodes\":"
                    + regions
                    + "}"));
  }

  private long draft(String author, String audience) {
    return id(
        fixture
            .as(author)
            .post()
            .uri("/api/publications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"campaignId\":%d,\"title\":\"Материалы\",\"body\":\"\",\"audience\":%s}"
                    .formatted(campaign, audience)));
  }

  private long attach(String author, long publication) {
    return id(
        fixture
            .as(author)
            .post()
            .uri("/api/publications/{p}/attachments?fileName=a.pdf&kind=INSTRUCTION", publication)
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(pdf()));
  }

  private long attachArchive(String author, long publication, String... logins) {
    return id(
        fixture
            .as(author)
            .post()
            .uri("/api/publications/{p}/attachments/per-organization?kind=VARIANTS", publication)
            .contentType(MediaType.parseMediaType(ZIP))
            .bodyValue(zip(logins)));
  }

  private void publish(long publication) {
    fixture
        .as(FEDERAL)
        .post()
        .uri("/api/publications/{p}/publish", publication)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static long id(WebTestClient.RequestHeadersSpec<?> request) {
    return ((Number)
            request
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"))
        .longValue();
  }

  private static byte[] pdf() {
    return "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] zip(String... logins) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (String login : logins) {
        zip.putNextEntry(new ZipEntry(login + ".pdf"));
        zip.write(pdf());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
