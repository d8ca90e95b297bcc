package org.oko.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.oko.sample.SampleTestSupport.campaign;
import static org.oko.sample.SampleTestSupport.download;
import static org.oko.sample.SampleTestSupport.edited;
import static org.oko.sample.SampleTestSupport.entries;
import static org.oko.sample.SampleTestSupport.entry;
import static org.oko.sample.SampleTestSupport.rowOf;
import static org.oko.sample.SampleTestSupport.rows;
import static org.oko.sample.SampleTestSupport.set;
import static org.oko.sample.SampleTestSupport.setDate;
import static org.oko.sample.SampleTestSupport.submit;
import static org.oko.sample.SampleTestSupport.upload;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Problem;
import org.oko.api.model.ProblemError;
import org.oko.api.model.SampleEntry;
import org.oko.api.model.SampleStatus;
import org.oko.api.model.VerificationChange;
import org.oko.api.model.VerificationDiff;
import org.oko.sample.SampleTestSupport.Schedule;
import org.oko.testing.ApiTest;
import org.springframework.http.MediaType;

/** The verification form: download, correct, upload, see the diff, confirm. */
class VerificationTests extends ApiTest {

  private static final String UPLOADS = "/sample/verification-uploads";

  /**
   * Region 64 lists two Engels schools and one Saratov school, all three selected and published;
   * the clock is in the verification stage.
   */
  private Schedule publishedSample() {
    Schedule s = campaign(client, "64");
    submit(
            as("region64"),
            s.campaignId(),
            "64",
            List.of(
                entry("edu640021", 25, "CITY", "rus-4"),
                entry("edu640022", 18, "TOWN", "rus-4", "math-4"),
                entry("edu640001", 40, "CITY", "math-4")))
        .expectStatus()
        .isOk();
    client
        .post()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/draw")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"perRegion\":10,\"seed\":1}")
        .exchange()
        .expectStatus()
        .isOk();
    client
        .post()
        .uri("/api/campaigns/" + s.campaignId() + "/sample/publish")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    clock.set(s.duringVerification());
    return s;
  }

  private static String formUri(long campaignId) {
    return "/api/campaigns/" + campaignId + "/sample/verification-form";
  }

  private VerificationDiff uploadAs(String login, long campaignId, byte[] form) {
    return upload(as(login), "/api/campaigns/" + campaignId + UPLOADS, form)
        .expectStatus()
        .isCreated()
        .expectBody(VerificationDiff.class)
        .returnResult()
        .getResponseBody();
  }

  private byte[] correctedForm(long campaignId) {
    byte[] form = download(as("mun64-engels"), formUri(campaignId));
    assertThat(rows(form)).containsOnlyKeys("edu640021", "edu640022");
    return edited(
        form,
        sheet -> {
          set(sheet, "D" + rowOf(sheet, "edu640021"), "27");
          set(sheet, "C" + rowOf(sheet, "edu640022"), "нет");
        });
  }

  @Test
  void aMunicipalityCorrectsItsSchoolsAndConfirmsTheChanges() {
    Schedule s = publishedSample();
    VerificationDiff diff = uploadAs("mun64-engels", s.campaignId(), correctedForm(s.campaignId()));

    assertThat(diff.getRows()).isEqualTo(2);
    assertThat(diff.getConfirmedAt()).isNull();
    assertThat(diff.getChanges())
        .extracting(
            c -> c.getOrganization().getLogin(),
            VerificationChange::getField,
            VerificationChange::getFieldName,
            VerificationChange::getBefore,
            VerificationChange::getAfter)
        .containsExactly(
            tuple(
                "edu640021",
                VerificationChange.FieldEnum.PARTICIPANTS,
                "Количество участников",
                "25",
                "27"),
            tuple(
                "edu640022", VerificationChange.FieldEnum.PARTICIPATES, "Участвует", "да", "нет"));
    // Nothing is applied before the confirmation.
    assertThat(byLogin(entries(as("mun64-engels"), s.campaignId(), "")).get("edu640021"))
        .satisfies(e -> assertThat(e.getAttributes().getParticipants()).isEqualTo(25));

    String confirm = "/api/campaigns/" + s.campaignId() + UPLOADS + "/" + diff.getId() + "/confirm";
    as("region64").post().uri(confirm).exchange().expectStatus().isNotFound();
    as("mun64-engels")
        .post()
        .uri(confirm)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(VerificationDiff.class)
        .value(applied -> assertThat(applied.getConfirmedAt()).isNotNull());

    Map<String, SampleEntry> after = byLogin(entries(as("mun64-engels"), s.campaignId(), ""));
    assertThat(after.get("edu640021").getAttributes().getParticipants()).isEqualTo(27);
    assertThat(after.get("edu640021").getStatus()).isEqualTo(SampleStatus.SELECTED);
    assertThat(after.get("edu640022").getStatus()).isEqualTo(SampleStatus.WITHDRAWN);
    assertThat(after.values())
        .allMatch(e -> e.getVerifiedAt() != null && "mun64-engels".equals(e.getVerifiedBy()));
    // The Saratov school is not the Engels coordinator's to verify.
    assertThat(byLogin(entries(client, s.campaignId(), "")).get("edu640001").getVerifiedAt())
        .isNull();

    as("mun64-engels").post().uri(confirm).exchange().expectStatus().isEqualTo(409);
  }

  @Test
  void aDateTypedIntoTheParticipantsOfTheFormIsRefusedAsTheDateTheCellShows() {
    Schedule s = publishedSample();
    int[] row = new int[1];
    byte[] form =
        edited(
            download(as("mun64-engels"), formUri(s.campaignId())),
            sheet -> {
              row[0] = rowOf(sheet, "edu640021");
              setDate(sheet, "D" + row[0], 46096);
            });

    upload(as("mun64-engels"), "/api/campaigns/" + s.campaignId() + UPLOADS, form)
        .expectStatus()
        .isEqualTo(422)
        .expectBody(Problem.class)
        .value(
            p ->
                assertThat(p.getErrors())
                    .extracting(
                        ProblemError::getSheet,
                        ProblemError::getCell,
                        ProblemError::getValue,
                        ProblemError::getMessage)
                    .containsExactly(
                        tuple(
                            "Список ОО",
                            "D" + row[0],
                            "15.03.2026",
                            "В ячейке дата, а нужно количество участников (целое число от 0 до"
                                + " 100000): ячейка, видимо, в формате «Дата». Задайте ей формат"
                                + " «Общий» или «Числовой» и введите число")));
    assertThat(byLogin(entries(as("mun64-engels"), s.campaignId(), "")).get("edu640021"))
        .satisfies(e -> assertThat(e.getAttributes().getParticipants()).isEqualTo(25));
  }

  /**
   * Issue 21: a row with a wrong participant count and an unknown subject code had only the count
   * reported; the code came up on the next upload. Every problem of the file is listed at once.
   */
  @Test
  void everyProblemOfAFileIsListedAtOnceUnknownSubjectsBesideTheRowsOtherMistakes() {
    Schedule s = publishedSample();
    int[] rows = new int[2];
    byte[] form =
        edited(
            download(as("mun64-engels"), formUri(s.campaignId())),
            sheet -> {
              rows[0] = rowOf(sheet, "edu640021");
              rows[1] = rowOf(sheet, "edu640022");
              set(sheet, "D" + rows[0], "двадцать");
              set(sheet, "H" + rows[0], "rus-4, hist-9");
              set(sheet, "H" + rows[1], "bio-5");
            });

    upload(as("mun64-engels"), "/api/campaigns/" + s.campaignId() + UPLOADS, form)
        .expectStatus()
        .isEqualTo(422)
        .expectBody(Problem.class)
        .value(
            p ->
                assertThat(p.getErrors())
                    .extracting(ProblemError::getCell, ProblemError::getMessage)
                    .containsExactlyInAnyOrder(
                        tuple("D" + rows[0], "Количество участников — целое число от 0 до 100000"),
                        tuple(
                            "H" + rows[0],
                            "Предмет «hist-9» не входит в кампанию (см. справочник предметов)"),
                        tuple(
                            "H" + rows[1],
                            "Предмет «bio-5» не входит в кампанию (см. справочник предметов)")));
    assertThat(entries(client, s.campaignId(), ""))
        .allMatch(e -> e.getStatus() == SampleStatus.SELECTED && e.getVerifiedAt() == null);
  }

  @Test
  void aFormWithAnotherMunicipalitysSchoolIsRefusedWhole() {
    Schedule s = publishedSample();
    int[] row = new int[1];
    byte[] form =
        edited(
            correctedForm(s.campaignId()),
            sheet -> {
              row[0] = sheet.getLastRowNum() + 2;
              set(sheet, "A" + row[0], "edu640001");
              set(sheet, "C" + row[0], "да");
              set(sheet, "D" + row[0], "41");
              set(sheet, "F" + row[0], "город");
              set(sheet, "G" + row[0], "Лицей");
            });

    upload(as("mun64-engels"), "/api/campaigns/" + s.campaignId() + UPLOADS, form)
        .expectStatus()
        .isEqualTo(422)
        .expectBody(Problem.class)
        .value(
            p ->
                assertThat(p.getErrors())
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getSheet()).isEqualTo("Список ОО");
                          assertThat(e.getCell()).isEqualTo("A" + row[0]);
                          assertThat(e.getValue()).isEqualTo("edu640001");
                        }));
    // Nothing stored: the correct part of the same file changed nothing either.
    assertThat(entries(client, s.campaignId(), ""))
        .allMatch(e -> e.getStatus() == SampleStatus.SELECTED && e.getVerifiedAt() == null);
  }

  @Test
  void aConfirmationAfterSomeoneElsesIsRefused() {
    Schedule s = publishedSample();
    byte[] form = correctedForm(s.campaignId());
    VerificationDiff first = uploadAs("mun64-engels", s.campaignId(), form);
    VerificationDiff second = uploadAs("region64", s.campaignId(), form);
    String base = "/api/campaigns/" + s.campaignId() + UPLOADS + "/";

    as("region64").post().uri(base + second.getId() + "/confirm").exchange().expectStatus().isOk();
    as("mun64-engels")
        .post()
        .uri(base + first.getId() + "/confirm")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(Problem.class)
        .value(p -> assertThat(p.getDetail()).contains("изменились"));
  }

  @Test
  void theFormAndItsUploadWaitForTheirStage() {
    Schedule s = publishedSample();
    byte[] form = correctedForm(s.campaignId());
    clock.set(s.verificationCloses());
    upload(as("mun64-engels"), "/api/campaigns/" + s.campaignId() + UPLOADS, form)
        .expectStatus()
        .isEqualTo(409);
    // A region not yet published has no form.
    Schedule unpublished = campaign(client, "64");
    as("mun64-engels")
        .get()
        .uri(formUri(unpublished.campaignId()))
        .exchange()
        .expectStatus()
        .isNotFound();
    // The federal organizer must say which region's form it wants.
    client.get().uri(formUri(s.campaignId())).exchange().expectStatus().isBadRequest();
    assertThat(rows(download(client, formUri(s.campaignId()) + "?regionCode=64")))
        .isEmpty(); // no listed school of region 64 is without a municipality
  }

  private static Map<String, SampleEntry> byLogin(List<SampleEntry> entries) {
    return entries.stream().collect(Collectors.toMap(e -> e.getOrganization().getLogin(), e -> e));
  }
}
