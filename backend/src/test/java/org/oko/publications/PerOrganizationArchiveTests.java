package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.publications.PublicationFixtures.audience;
import static org.oko.publications.PublicationFixtures.campaign;
import static org.oko.publications.PublicationFixtures.draft;
import static org.oko.publications.PublicationFixtures.pdf;
import static org.oko.publications.PublicationFixtures.publish;
import static org.oko.publications.PublicationFixtures.publishSample;
import static org.oko.publications.PublicationFixtures.uploadArchive;
import static org.oko.publications.PublicationFixtures.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Attachment;
import org.oko.api.model.Publication;
import org.oko.testing.OfficeFiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A zip of files named by organization login, routed so each organization gets only its own. */
class PerOrganizationArchiveTests extends PublicationsTest {

  private static final String TO_THE_SAMPLE =
      audience(List.of("ORGANIZATION", "REGIONAL", "MUNICIPAL"), List.of(), true);

  private long campaign;
  private Publication draft;

  private void draftForTheSample() {
    campaign = campaign(client, "64", "02");
    publishSample(db, campaign, "edu640001", "edu640002", "edu640021");
    draft = draft(client, campaign, TO_THE_SAMPLE);
  }

  @Test
  void eachOrganizationGetsItsOwnFileAndNeverAnothers() {
    draftForTheSample();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("варианты/edu640001.pdf", pdf("варианты edu640001"));
    entries.put("варианты/edu640002.pdf", pdf("варианты edu640002"));
    Attachment archive =
        uploadArchive(client, draft.getId(), zip(entries))
            .expectStatus()
            .isCreated()
            .expectBody(Attachment.class)
            .returnResult()
            .getResponseBody();
    assertThat(archive.getPerOrganization()).isTrue();
    assertThat(archive.getOrganizationFiles()).isEqualTo(2);
    assertThat(archive.getFileName()).isEqualTo("Архив вариантов");
    publish(client, draft.getId(), null);

    assertThat(content(school("edu640001"), archive, null)).isEqualTo(pdf("варианты edu640001"));
    assertThat(content(school("edu640002"), archive, null)).isEqualTo(pdf("варианты edu640002"));
    // A school naming another school gets nothing, and one without a file has nothing to get.
    long neighbour = organization("edu640002").id();
    download(school("edu640001"), archive, neighbour).expectStatus().isNotFound();
    download(school("edu640021"), archive, null).expectStatus().isNotFound();
    // Its own attachment list shows only what is its own.
    assertThat(
            school("edu640021")
                .get()
                .uri("/api/publications/{id}", draft.getId())
                .exchange()
                .expectBody(Publication.class)
                .returnResult()
                .getResponseBody()
                .getAttachments())
        .isEmpty();
    // Coordinators name the organization, within their scope.
    assertThat(content(as("region64"), archive, neighbour)).isEqualTo(pdf("варианты edu640002"));
    download(as("region64"), archive, null).expectStatus().isBadRequest();
    download(as("mun64-engels"), archive, neighbour).expectStatus().isNotFound();
    download(as("region02"), archive, neighbour).expectStatus().isNotFound();
  }

  @Test
  void anEntryEscapingTheArchiveIsRefusedAndNothingIsKept() {
    draftForTheSample();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("edu640001.pdf", pdf("ok"));
    entries.put("../evil.pdf", pdf("evil"));
    entries.put("/etc/edu640002.pdf", pdf("evil"));

    refused(entries, 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("../evil.pdf", "/etc/edu640002.pdf"));
  }

  @Test
  void aLoginOutsideTheSampleIsRefused() {
    draftForTheSample();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("edu640001.pdf", pdf("ok"));
    entries.put("edu640003.pdf", pdf("not in the sample"));
    entries.put("edu020001.pdf", pdf("another region"));

    refused(entries, 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("edu640003.pdf", "edu020001.pdf"));
  }

  @Test
  void duplicatesAndForbiddenTypesAreRefused() {
    draftForTheSample();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a/edu640001.pdf", pdf("one"));
    entries.put("b/edu640001.pdf", pdf("two"));
    entries.put("edu640002.exe", new byte[] {'M', 'Z'});
    entries.put("edu640021.pdf", "not a pdf".getBytes());

    refused(entries, 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("b/edu640001.pdf", "edu640002.exe", "edu640021.pdf"));
  }

  @Test
  void anOfficeFileInsideIsInspectedLikeASingleAttachment() {
    draftForTheSample();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("edu640001.docx", OfficeFiles.docx());
    entries.put("edu640002.docx", OfficeFiles.docxWithVbaProject());
    entries.put("формы/edu640021.xlsx", OfficeFiles.xlsxWithEntityExpansion());

    refused(entries, 422)
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("edu640002.docx", "формы/edu640021.xlsx"))
        .jsonPath("$.errors[0].message")
        .value((String m) -> assertThat(m).contains("макросы (VBA)"))
        .jsonPath("$.errors[1].message")
        .value((String m) -> assertThat(m).contains("DOCTYPE"));
  }

  @Test
  void aZipBombIsRefusedWithoutUnpackingIt() throws IOException {
    draftForTheSample();
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("edu640001.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 50; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(bytes.size()).isLessThan(1024 * 1024);

    long blobsBefore = blobFiles();
    uploadArchive(client, draft.getId(), bytes.toByteArray())
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("edu640001.txt");

    assertThat(storedFiles(draft.getId())).isZero();
    assertThat(blobFiles()).isEqualTo(blobsBefore);
  }

  @Test
  void somethingThatIsNotAZipIsRefused() {
    draftForTheSample();
    uploadArchive(client, draft.getId(), pdf("not a zip")).expectStatus().isEqualTo(415);
    assertThat(storedFiles(draft.getId())).isZero();
  }

  private WebTestClient.BodyContentSpec refused(Map<String, byte[]> entries, int status) {
    long blobsBefore = blobFiles();
    var body =
        uploadArchive(client, draft.getId(), zip(entries))
            .expectStatus()
            .isEqualTo(status)
            .expectBody();
    assertThat(storedFiles(draft.getId())).isZero();
    assertThat(attachmentCount(draft.getId())).isZero();
    assertThat(blobFiles()).isEqualTo(blobsBefore);
    return body;
  }

  private byte[] content(WebTestClient caller, Attachment archive, Long organizationId) {
    return download(caller, archive, organizationId)
        .expectStatus()
        .isOk()
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  private WebTestClient.ResponseSpec download(
      WebTestClient caller, Attachment archive, Long organizationId) {
    return caller
        .get()
        .uri(
            b ->
                b.path("/api/publications/{p}/attachments/{a}/content")
                    .queryParamIfPresent(
                        "organizationId", java.util.Optional.ofNullable(organizationId))
                    .build(draft.getId(), archive.getId()))
        .exchange();
  }
}
