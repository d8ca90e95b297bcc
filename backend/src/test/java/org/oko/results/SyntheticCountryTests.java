package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.api.model.ObjectivityFlagCode;
import org.oko.api.model.ReportUnitPage;
import org.oko.api.model.ReportUnitRow;
import org.oko.results.SyntheticCountry.Country;
import org.oko.results.SyntheticCountry.Plan;
import org.oko.results.SyntheticCountry.School;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A small synthetic country with planted anomalies of each kind: every planted school is flagged
 * with its kind (read from the region tables, as a coordinator sees them), and clean schools are
 * not flagged for more than a small share.
 */
class SyntheticCountryTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired ResultsStore store;
  @Autowired ProtocolService protocols;
  @Autowired FlagWorker flagWorker;

  @Test
  void plantedSchoolsAreFlaggedAndCleanOnesNot() {
    Plan plan = new Plan(91, 3, 4, 60, 25, SyntheticCountry.FIFTEEN_TASKS, 3, 17);
    long campaign = campaign(plan);
    Country country =
        SyntheticCountry.generate(
            db, store, protocols, campaign, "math-5", plan, (int) (campaign % 100), 2);
    // The regions' other schools' flags, decided again once their regions' tallies moved.
    flagWorker.refreshStale().block();

    Map<Long, List<ObjectivityFlagCode>> flags = new HashMap<>();
    for (int r = 0; r < plan.regions(); r++) {
      String region = String.format("%02d", plan.firstRegion() + r);
      for (int page = 0; page * 100 < plan.schoolsPerRegion(); page++) {
        ReportUnitPage table =
            client
                .get()
                .uri(
                    "/api/campaigns/"
                        + campaign
                        + "/results/reports/math-5/units?size=100&page="
                        + page
                        + "&regionCode="
                        + region)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportUnitPage.class)
                .returnResult()
                .getResponseBody();
        for (ReportUnitRow row : table.getItems()) {
          flags.put(Long.valueOf(row.getUnit().getId()), row.getFlags());
        }
      }
    }
    assertThat(flags).hasSize(country.schools().size());
    List<String> missed = new ArrayList<>();
    int clean = 0;
    int falsePositives = 0;
    for (School s : country.schools()) {
      List<ObjectivityFlagCode> got = flags.get(s.id());
      if (s.planted() != null) {
        if (!got.contains(ObjectivityFlagCode.fromValue(s.planted().name()))) {
          missed.add(s.id() + " " + s.planted() + " → " + got);
        }
      } else {
        clean++;
        if (!got.isEmpty()) {
          falsePositives++;
        }
      }
    }
    System.out.printf(
        "[synthetic-country] planted %d, missed %d; clean %d, flagged %d%n",
        SyntheticCountry.PLANTED.size() * plan.plantedPerKind(),
        missed.size(),
        clean,
        falsePositives);
    assertThat(missed).as("planted schools not flagged").isEmpty();
    assertThat((double) falsePositives / clean)
        .as("false-positive rate (%d of %d clean schools)", falsePositives, clean)
        .isLessThanOrEqualTo(0.03);
  }

  private long campaign(Plan plan) {
    return SyntheticCountry.campaign(db, client, plan);
  }
}
