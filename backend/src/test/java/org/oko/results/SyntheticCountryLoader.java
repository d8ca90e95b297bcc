package org.oko.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.oko.results.SyntheticCountry.Country;
import org.oko.results.SyntheticCountry.Plan;
import org.oko.results.SyntheticCountry.School;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Loads a synthetic country of the size (85 regions, 40 000 schools, 1 000 000
 * participants) straight into the results tables, region by region in batched inserts of the same
 * participants {@link SyntheticCountry#participants} generates (through the owner's {@link
 * ParticipantStore#insert}, {@value #BATCH} a statement); the tallies are then built by the
 * set-based rebuild ({@link TallyService#rebuild}). The protocol path ({@link
 * SyntheticCountry#generate}) takes 50–150 min for this size (docs/results.md); this loader is what
 * makes the benchmark runnable, and the rebuild is then what is measured.
 */
final class SyntheticCountryLoader {

  /** Participants per insert statement. */
  private static final int BATCH = 20_000;

  private SyntheticCountryLoader() {}

  static Country load(
      DatabaseClient db,
      ResultsStore store,
      ParticipantStore participantStore,
      long campaignId,
      String subjectKey,
      Plan plan,
      int run) {
    List<School> schools = SyntheticCountry.hierarchy(db, plan, run);
    store.putScale(campaignId, subjectKey, plan.boundaries(), Instant.now(), "bench").block();
    Subject subject = store.subject(campaignId, subjectKey).block();
    Random random = new Random(plan.seed() + 1);
    long participants = 0;
    Batch batch = new Batch();
    for (int r = 0; r < plan.regions(); r++) {
      List<School> region = schools.subList(plan.schoolsBefore(r), plan.schoolsBefore(r + 1));
      db.sql(
              """
              insert into result_protocol (campaign_id, subject_key, organization_id, region_code,
                  municipality_id, form_id, response_id, number, active, updated_at)
              select :c, :s, o.id, o.region_code, o.municipality_id, 0, o.id, 1, true, now()
              from organization o where o.id = any(:ids)
              """)
          .bind("c", campaignId)
          .bind("s", subjectKey)
          .bind("ids", region.stream().map(School::id).toArray(Long[]::new))
          .then()
          .block();
      for (School s : region) {
        for (Participant p : SyntheticCountry.participants(plan, s, subject, random)) {
          batch.add(s.id(), p);
          participants++;
          if (batch.size() == BATCH) {
            batch.insert(participantStore, campaignId, subjectKey);
          }
        }
      }
    }
    batch.insert(participantStore, campaignId, subjectKey);
    return new Country(schools, participants);
  }

  private static final class Batch {
    private final List<Long> organizations = new ArrayList<>();
    private final List<Participant> participants = new ArrayList<>();

    void add(long organization, Participant p) {
      organizations.add(organization);
      participants.add(p);
    }

    int size() {
      return participants.size();
    }

    /** The batch through the owner's insert ({@link ParticipantStore#insert}), then emptied. */
    void insert(ParticipantStore store, long campaignId, String subjectKey) {
      store.insert(campaignId, subjectKey, organizations, participants).block();
      organizations.clear();
      participants.clear();
    }
  }
}
