package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oko.publications.PublicationFixtures.attach;
import static org.oko.publications.PublicationFixtures.audience;
import static org.oko.publications.PublicationFixtures.campaign;
import static org.oko.publications.PublicationFixtures.draft;
import static org.oko.publications.PublicationFixtures.publish;
import static org.oko.publications.PublicationFixtures.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Attachment;
import org.oko.api.model.Publication;
import org.oko.testing.OfficeFiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Single files: what may be attached, and how they are downloaded (resumable, cacheable). */
class AttachmentFileTests extends PublicationsTest {

  private Publication draftToEveryone() {
    long campaign = campaign(client, "64");
    return draft(
        client,
        campaign,
        audience(List.of("ORGANIZATION", "REGIONAL", "MUNICIPAL"), List.of(), false));
  }

  @Test
  void aFileOverTheLimitIsRefusedAndNothingIsKept() {
    Publication draft = draftToEveryone();
    long blobsBefore = blobFiles();
    byte[] big = new byte[2 * 1024 * 1024 + 1];
    System.arraycopy("%PDF".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 4);

    upload(client, draft.getId(), "большой.pdf", big).expectStatus().isEqualTo(413);

    assertThat(attachmentCount(draft.getId())).isZero();
    assertThat(blobFiles()).isEqualTo(blobsBefore);
  }

  @Test
  void aFileWhoseContentIsNotOfItsTypeIsRefused() {
    Publication draft = draftToEveryone();
    long blobsBefore = blobFiles();

    upload(client, draft.getId(), "x.pdf", "MZ\u0090 not a pdf".getBytes(StandardCharsets.UTF_8))
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Файл «x.pdf» не является PDF");
    upload(client, draft.getId(), "setup.exe", "MZ".getBytes(StandardCharsets.UTF_8))
        .expectStatus()
        .isEqualTo(415);
    upload(client, draft.getId(), "notes.txt", new byte[] {'a', 0, 'b'})
        .expectStatus()
        .isEqualTo(415);

    assertThat(attachmentCount(draft.getId())).isZero();
    assertThat(blobFiles()).isEqualTo(blobsBefore);
  }

  @Test
  void officeFilesAreInspectedWholeAndAHostileOneIsRefusedWithItsReasonAndNothingKept() {
    Publication draft = draftToEveryone();
    long blobsBefore = blobFiles();
    Map<String, byte[]> hostile = new LinkedHashMap<>();
    hostile.put("макрос.docx", OfficeFiles.docxWithVbaProject());
    hostile.put("книга.xlsx", OfficeFiles.xlsm());
    hostile.put("xxe.docx", OfficeFiles.docxWithExternalEntity());
    hostile.put("lol.xlsx", OfficeFiles.xlsxWithEntityExpansion());
    hostile.put("бомба.docx", OfficeFiles.docxWithZipBomb());
    hostile.put("старая.xls", OfficeFiles.xlsWithMacros());
    Map<String, String> reasons =
        Map.of(
            "макрос.docx", "макросы (VBA)",
            "книга.xlsx", "макросы (VBA)",
            "xxe.docx", "DOCTYPE (часть word/document.xml)",
            "lol.xlsx", "DOCTYPE (часть xl/sharedStrings.xml)",
            "бомба.docx", "сжата более чем в 100 раз",
            "старая.xls", "макросы (VBA)");

    hostile.forEach(
        (name, content) ->
            upload(client, draft.getId(), name, content)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value((String d) -> assertThat(d).contains("«" + name + "»", reasons.get(name)))
                .jsonPath("$.errors[0].field")
                .isEqualTo("file"));

    assertThat(attachmentCount(draft.getId())).isZero();
    assertThat(blobFiles()).isEqualTo(blobsBefore);
  }

  @Test
  void aMacroEnabledNameIsRefusedBeforeItsBytesAreRead() {
    Publication draft = draftToEveryone();

    upload(client, draft.getId(), "Отчёт.xlsm", OfficeFiles.xlsm())
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "Файлы с макросами («Отчёт.xlsm») прикладывать нельзя: сохраните файл без макросов"
                + " (.docx, .xlsx или .pptx) и приложите снова");
    assertThat(attachmentCount(draft.getId())).isZero();
  }

  @Test
  void realOfficeFilesAreKeptAndServedAsTheyWere() {
    Publication draft = draftToEveryone();
    byte[] docx = OfficeFiles.docx();

    Attachment kept = attach(client, draft.getId(), "Инструкция.docx", docx);
    attach(client, draft.getId(), "Форма.xlsx", OfficeFiles.xlsx());
    attach(client, draft.getId(), "Слайды.pptx", OfficeFiles.pptx());
    attach(client, draft.getId(), "Старая форма.xls", OfficeFiles.xls());

    assertThat(kept.getSize()).isEqualTo(docx.length);
    assertThat(attachmentCount(draft.getId())).isEqualTo(4);
    byte[] served =
        client
            .get()
            .uri("/api/publications/{p}/attachments/{a}/content", draft.getId(), kept.getId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(served).isEqualTo(docx);
  }

  @Test
  void aPathInTheFileNameIsDropped() {
    Publication draft = draftToEveryone();

    Attachment file =
        attach(client, draft.getId(), "C:\\fakepath\\..\\Инструкция.txt", text(10).getBytes());

    assertThat(file.getFileName()).isEqualTo("Инструкция.txt");
  }

  @Test
  void anInterruptedDownloadResumesWithRangeAndAnUnchangedFileIsNotSentAgain() {
    Publication draft = draftToEveryone();
    byte[] content = ("%PDF-1.7\n" + text(100_000)).getBytes(StandardCharsets.UTF_8);
    Attachment file = attach(client, draft.getId(), "Критерии оценивания.pdf", content);
    publish(client, draft.getId(), null);
    var school = as("edu640021");

    EntityExchangeResult<byte[]> first =
        PublicationReleaseTests.download(school, draft.getId(), file.getId())
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
            .expectHeader()
            .contentType("application/octet-stream")
            .expectBody(byte[].class)
            .returnResult();
    String etag = first.getResponseHeaders().getETag();
    assertThat(etag).matches("\"[0-9a-f]{64}\"");
    assertThat(first.getResponseHeaders().getContentDisposition().getFilename())
        .isEqualTo("Критерии оценивания.pdf");
    // Say the connection broke after 100 000 bytes: the rest is asked for from there.
    byte[] head = Arrays.copyOf(first.getResponseBody(), 100_000);
    byte[] rest =
        school
            .get()
            .uri("/api/publications/{p}/attachments/{a}/content", draft.getId(), file.getId())
            .header(HttpHeaders.RANGE, "bytes=100000-")
            .exchange()
            .expectStatus()
            .isEqualTo(206)
            .expectHeader()
            .valueEquals(
                HttpHeaders.CONTENT_RANGE,
                "bytes 100000-" + (content.length - 1) + "/" + content.length)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    var whole = new ByteArrayOutputStream();
    whole.writeBytes(head);
    whole.writeBytes(rest);
    assertThat(whole.toByteArray()).isEqualTo(content);

    school
        .get()
        .uri("/api/publications/{p}/attachments/{a}/content", draft.getId(), file.getId())
        .header(HttpHeaders.IF_NONE_MATCH, etag)
        .exchange()
        .expectStatus()
        .isNotModified()
        .expectBody()
        .isEmpty();
    school
        .get()
        .uri("/api/publications/{p}/attachments/{a}/content", draft.getId(), file.getId())
        .header(HttpHeaders.RANGE, "bytes=" + content.length + "-")
        .exchange()
        .expectStatus()
        .isEqualTo(416);
  }

  @Test
  void aDraftsFileIsRemovedWithItsAttachment() {
    Publication draft = draftToEveryone();
    long blobsBefore = blobFiles();
    Attachment file = attach(client, draft.getId(), "a.txt", text(100).getBytes());
    assertThat(blobFiles()).isEqualTo(blobsBefore + 1);

    client
        .delete()
        .uri("/api/publications/{p}/attachments/{a}", draft.getId(), file.getId())
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(attachmentCount(draft.getId())).isZero();
    assertThat(blobFiles()).isEqualTo(blobsBefore);
  }

  private static String text(int length) {
    var text = new StringBuilder();
    while (text.length() < length) {
      text.append("Задание ").append(text.length()).append(". ");
    }
    return text.substring(0, length);
  }
}
