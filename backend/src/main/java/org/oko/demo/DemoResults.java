package org.oko.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.oko.campaigns.CampaignReadModel;
import org.oko.results.ResultsImportService;
import org.oko.results.ResultsImportService.ScoredParticipant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Results of the autumn ВПР in mathematics, class 4, for every school of regions 64 and 02, with
 * the grade scale set and region 64's reports released: edu640001, mun64-engels and region64 see
 * statistical reports at once. One Engels school (edu640021) has doubtful results (high scores,
 * copied works), so the flags have something to show.
 */
@Component
class DemoResults {

  static final String SUBJECT = "math-4";
  static final String DOUBTFUL = "edu640021";

  private final DatabaseClient db;
  private final ResultsImportService results;

  DemoResults(DatabaseClient db, ResultsImportService results) {
    this.db = db;
    this.results = results;
  }

  Mono<Void> create() {
    return db.sql("select id from " + CampaignReadModel.campaigns() + " c where title = :t limit 1")
        .bind("t", DemoCampaigns.VPR_AUTUMN)
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(
            campaign ->
                results
                    .taskMaxima(campaign, SUBJECT)
                    .flatMap(
                        max ->
                            results
                                .setScale(campaign, SUBJECT, new int[] {6, 10, 15}, "federal")
                                .then(schools(campaign, max))
                                .then(results.release(campaign, "64", "federal"))));
  }

  private Mono<Void> schools(long campaign, int[] max) {
    return db.sql(
            "select id, login from organization where kind = 'SCHOOL'"
                + " and region_code in ('64', '02') order by login")
        .map(r -> new Object[] {r.get("id", Long.class), r.get("login", String.class)})
        .all()
        .concatMap(
            row -> {
              long id = (Long) row[0];
              String login = (String) row[1];
              Random random = new Random(login.hashCode());
              return results.load(
                  campaign, SUBJECT, id, 1, participants(random, max, DOUBTFUL.equals(login)));
            })
        .then();
  }

  private static List<ScoredParticipant> participants(Random random, int[] max, boolean doubtful) {
    int n = 18 + random.nextInt(12);
    double school = doubtful ? 2.5 : 0.5 * random.nextGaussian();
    List<ScoredParticipant> out = new ArrayList<>();
    int[] copied = null;
    for (int p = 0; p < n; p++) {
      double ability = school + random.nextGaussian();
      int[] scores = new int[max.length];
      for (int t = 0; t < max.length; t++) {
        double difficulty = -1.5 + 3.0 * t / Math.max(1, max.length - 1);
        double chance = 1 / (1 + Math.exp(-(ability - difficulty)));
        for (int point = 0; point < max[t]; point++) {
          if (random.nextDouble() < chance) {
            scores[t]++;
          }
        }
      }
      if (doubtful && p % 3 == 0) {
        if (copied == null) {
          copied = scores.clone();
          copied[0] = 0;
        }
        scores = copied.clone();
      }
      int journal = 2 + random.nextInt(4);
      out.add(
          new ScoredParticipant(
              String.format("%05d", 10001 + p), p % 2 == 0 ? "4А" : "4Б", scores, journal));
    }
    return out;
  }
}
