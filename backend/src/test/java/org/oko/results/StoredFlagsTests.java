package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ObjectivityFlag;
import org.oko.api.model.ObjectivityFlagCode;
import org.oko.api.model.ObjectivityReport;
import org.oko.api.model.ReportUnitPage;
import org.oko.api.model.ReportUnitRow;
import org.oko.results.SyntheticCountry.Plan;
import org.oko.results.SyntheticCountry.School;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The objectivity flags are stored with the tallies (issue 17): an organization's signs are decided
 * in the transaction that applies its protocol, so a resubmitted protocol changes what the flags
 * report and the table of schools show at once; a replayed older version changes nothing; the
 * region's other schools are decided again by {@link FlagWorker} once their region moved.
 */
class StoredFlagsTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired ResultsStore store;
  @Autowired ProtocolService protocols;
  @Autowired FlagWorker flagWorker;
  @Autowired ObjectivityFlagDirectory analysis;
  @Autowired ReleaseService releases;

  private static final Plan PLAN =
      new Plan(88, 1, 2, 20, 25, SyntheticCountry.FIFTEEN_TASKS, 0, 41);

  @Test
  void aResubmittedProtocolChangesTheStoredFlagsAndAReplayDoesNot() {
    long campaign = SyntheticCountry.campaign(db, client, PLAN);
    List<School> schools = SyntheticCountry.hierarchy(db, PLAN, (int) (campaign % 100));
    store.putScale(campaign, "math-5", PLAN.boundaries(), clock.instant(), "test").block();
    Subject subject = store.subject(campaign, "math-5").block();
    Random random = new Random(PLAN.seed());
    School first = schools.get(0);
    School school = schools.get(5);

    // The region's first protocol: its flags are decided against a region with no other school.
    load(subject, first, random);
    assertThat(flag(campaign, first.id(), ObjectivityFlagCode.HIGH_RESULTS).getValue())
        .contains("других ОО 0");
    for (School s : schools.subList(1, schools.size())) {
      load(subject, s, random);
    }
    // Its region moved under it: FlagWorker decides its flags again against 19 other schools.
    flagWorker.refreshStale().block();
    assertThat(flag(campaign, first.id(), ObjectivityFlagCode.HIGH_RESULTS).getValue())
        .contains("средний по ОО региона");
    assertThat(tableFlags(campaign, school.id()))
        .doesNotContain(ObjectivityFlagCode.IDENTICAL_VECTORS);

    // The school resubmits a protocol where 10 of 25 works have the same score in every task.
    List<Participant> copied = copied(subject, school);
    assertThat(protocols.apply(subject, school.id(), 0, school.id(), 2, copied).block()).isTrue();
    assertThat(flag(campaign, school.id(), ObjectivityFlagCode.IDENTICAL_VECTORS).getRaised())
        .isTrue();
    assertThat(tableFlags(campaign, school.id())).contains(ObjectivityFlagCode.IDENTICAL_VECTORS);

    // The municipality's «Анализ объективности» is pre-filled with it once the region's reports
    // are released (before that the municipality sees no reports, so no signs either).
    String login =
        db.sql("select login from organization where id = :id")
            .bind("id", school.id())
            .map(r -> r.get("login", String.class))
            .one()
            .block();
    assertThat(analysis.signs(campaign, List.of(login)).block()).isEmpty();
    releases.release(campaign, "88", "test").block();
    assertThat(analysis.signs(campaign, List.of(login)).block().get(login))
        .isEqualTo("Математика: Группы участников с одинаковыми баллами по всем заданиям");

    // An older version delivered again changes nothing.
    List<Participant> clean = SyntheticCountry.participants(PLAN, school, subject, new Random(7));
    assertThat(protocols.apply(subject, school.id(), 0, school.id(), 1, clean).block()).isFalse();
    assertThat(tableFlags(campaign, school.id())).contains(ObjectivityFlagCode.IDENTICAL_VECTORS);

    // A corrected protocol takes the flag away.
    assertThat(protocols.apply(subject, school.id(), 0, school.id(), 3, clean).block()).isTrue();
    assertThat(tableFlags(campaign, school.id()))
        .doesNotContain(ObjectivityFlagCode.IDENTICAL_VECTORS);
    assertThat(flag(campaign, school.id(), ObjectivityFlagCode.IDENTICAL_VECTORS).getRaised())
        .isFalse();
  }

  private void load(Subject subject, School s, Random random) {
    List<Participant> participants = SyntheticCountry.participants(PLAN, s, subject, random);
    assertThat(protocols.apply(subject, s.id(), 0, s.id(), 1, participants).block()).isTrue();
  }

  private static List<Participant> copied(Subject subject, School school) {
    List<Participant> out = new ArrayList<>();
    Random random = new Random(3);
    int[] same = {1, 1, 0, 1, 1, 0, 1, 2, 0, 1, 1, 0, 1, 0, 1};
    for (int p = 0; p < 25; p++) {
      int[] scores = same.clone();
      if (p >= 10) {
        for (int t = 0; t < scores.length; t++) {
          scores[t] = random.nextInt(subject.taskMax()[t] + 1);
        }
      }
      int total = java.util.Arrays.stream(scores).sum();
      out.add(
          new Participant(
              String.format("%05d", p + 1), "5А", 1, scores, total, subject.grade(total), null));
    }
    return out;
  }

  private ObjectivityFlag flag(long campaign, long organization, ObjectivityFlagCode code) {
    ObjectivityReport report =
        client
            .get()
            .uri(
                "/api/campaigns/"
                    + campaign
                    + "/results/reports/math-5/flags?organizationId="
                    + organization)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ObjectivityReport.class)
            .returnResult()
            .getResponseBody();
    return report.getFlags().stream().filter(f -> f.getCode() == code).findFirst().orElseThrow();
  }

  /** The school's flags in its region's table of schools, as a coordinator reads them. */
  private List<ObjectivityFlagCode> tableFlags(long campaign, long organization) {
    ReportUnitPage table =
        client
            .get()
            .uri(
                "/api/campaigns/"
                    + campaign
                    + "/results/reports/math-5/units?size=100&regionCode=88")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(ReportUnitPage.class)
            .returnResult()
            .getResponseBody();
    return table.getItems().stream()
        .filter(r -> r.getUnit().getId().equals(Long.toString(organization)))
        .map(ReportUnitRow::getFlags)
        .findFirst()
        .orElseThrow();
  }
}
