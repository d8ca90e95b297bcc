package org.oko.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.oko.forms.FormReopened;
import org.oko.results.SyntheticCountry.Country;
import org.oko.results.SyntheticCountry.Plan;
import org.oko.results.SyntheticCountry.School;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The set-based rebuild of a subject's tallies (one grouped statement for the organizations, one
 * for the units above) gives exactly what the incremental path built event by event, on a small
 * synthetic country with a resubmission, a withdrawn protocol, an emptied one and a school without
 * a municipality; and replaying every event, in any order and again, gives the same results (issue
 * 17, «Results data»: idempotent; «Performance»: a full rebuild).
 */
class TallyRebuildTests extends ApiTest {

  private static final String SUBJECT = "math-5";

  @Autowired DatabaseClient db;
  @Autowired ResultsStore store;
  @Autowired ProtocolService protocols;
  @Autowired TallyService tallies;
  @Autowired TransactionalOperator tx;

  /** One applied protocol event, as the generator or a resubmission gave it. */
  private record Event(long organizationId, int number, List<Participant> participants) {}

  @Test
  void rebuiltTalliesEqualTheIncrementalOnesAndReplayingEveryEventGivesTheSame() {
    Plan plan = new Plan(94, 2, 3, 25, 20, SyntheticCountry.FIFTEEN_TASKS, 1, 23);
    long campaign = SyntheticCountry.campaign(db, client, plan);
    Country country =
        SyntheticCountry.generate(
            db, store, protocols, campaign, SUBJECT, plan, (int) (campaign % 100), 2);
    Subject subject = store.subject(campaign, SUBJECT).block();
    Random random = new Random(5);
    List<Event> events = new ArrayList<>();
    // The generator's events are regenerated from the same seed: the same participants.
    Random generator = new Random(plan.seed() + 1);
    for (School s : country.schools()) {
      events.add(new Event(s.id(), 1, SyntheticCountry.participants(plan, s, subject, generator)));
    }

    // A school of the region without a municipality (the responsible coordinator's part).
    long noMunicipality =
        db.sql(
                "insert into organization (login, name, kind, region_code, settlement_type)"
                    + " values (:l, 'Школа без муниципалитета', 'SCHOOL', '94', 'CITY')"
                    + " returning id")
            .bind("l", "edu649" + String.format("%03d", campaign % 1000))
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    School lone = new School(noMunicipality, "94", null);
    apply(subject, events, new Event(lone.id(), 1, participants(plan, lone, subject, random)));
    // A resubmission with fewer participants, an emptied protocol, a withdrawn one.
    School resubmitted = country.schools().get(3);
    apply(
        subject,
        events,
        new Event(
            resubmitted.id(), 2, participants(plan, resubmitted, subject, random).subList(0, 7)));
    apply(subject, events, new Event(country.schools().get(10).id(), 2, List.of()));
    School withdrawn = country.schools().get(30);
    assertThat(protocols.reopened(reopen(campaign, withdrawn, 1)).block()).isTrue();

    Map<String, String> incremental = tallies(campaign);
    assertThat(incremental.keySet().stream().filter(k -> k.startsWith("ORGANIZATION")))
        .as("organization rows: every school with results but the emptied and withdrawn ones")
        .hasSize(country.schools().size() + 1 - 2);
    assertThat(incremental).containsKeys("COUNTRY|||", "REGION|94|94|", "REGION|95|95|");

    Integer rebuilt =
        store.lock(campaign, SUBJECT).then(tallies.rebuild(subject)).as(tx::transactional).block();
    assertThat(rebuilt).isEqualTo(country.schools().size() + 1 - 2);
    assertThat(tallies(campaign)).isEqualTo(incremental);

    // Every event again, as a redelivery: nothing changes.
    for (Event e : events) {
      assertThat(
              protocols
                  .apply(
                      subject,
                      e.organizationId(),
                      0,
                      e.organizationId(),
                      e.number(),
                      e.participants())
                  .block())
          .isFalse();
    }
    assertThat(tallies(campaign)).isEqualTo(incremental);

    // From nothing, every event replayed newest first (older versions then change nothing), the
    // reopening last: the same results.
    for (String table : List.of("result_participant", "result_protocol", "result_tally")) {
      db.sql("delete from " + table + " where campaign_id = :c").bind("c", campaign).then().block();
    }
    List<Event> newestFirst = new ArrayList<>(events);
    java.util.Collections.reverse(newestFirst);
    Flux.fromIterable(newestFirst)
        .concatMap(
            e ->
                protocols.apply(
                    subject,
                    e.organizationId(),
                    0,
                    e.organizationId(),
                    e.number(),
                    e.participants()))
        .blockLast();
    assertThat(protocols.reopened(reopen(campaign, withdrawn, 1)).block()).isTrue();
    assertThat(tallies(campaign)).isEqualTo(incremental);
  }

  private void apply(Subject subject, List<Event> events, Event e) {
    events.add(e);
    assertThat(
            protocols
                .apply(
                    subject,
                    e.organizationId(),
                    0,
                    e.organizationId(),
                    e.number(),
                    e.participants())
                .block())
        .isTrue();
  }

  private static List<Participant> participants(
      Plan plan, School school, Subject subject, Random random) {
    return SyntheticCountry.participants(plan, school, subject, random);
  }

  private static FormReopened reopen(long campaign, School school, int number) {
    return new FormReopened(
        0,
        campaign,
        "results",
        school.id(),
        school.id(),
        null,
        school.regionCode(),
        number,
        Instant.now(),
        "test",
        false,
        null);
  }

  /** Every tally row with participants, keyed by level, unit and place: its figures as text. */
  private Map<String, String> tallies(long campaign) {
    return new TreeMap<>(
        db.sql(
                """
                select level || '|' || unit || '|' || coalesce(region_code, '') || '|'
                           || coalesce(cast(municipality_id as text), '') as k,
                       concat_ws(' ', participants, score_sum, score_sq_sum, grades, histogram,
                           task_sums, grade_task_sums, journal, identical_max, identical_count,
                           schools, round(cast(school_mean_sum as numeric), 6),
                           round(cast(school_mean_sq_sum as numeric), 4)) as v
                from result_tally where campaign_id = :c and participants > 0
                """)
            .bind("c", campaign)
            .map(r -> Map.entry(r.get("k", String.class), r.get("v", String.class)))
            .all()
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .block());
  }
}
