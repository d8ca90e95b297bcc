package org.oko.scans;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a subject's work looks like to the collector and to experts (its answer-sheet scheme). */
@Component
public class SchemeDirectory {

  private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {};

  private final DatabaseClient db;
  private final JsonMapper json;

  SchemeDirectory(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** One extended answer an expert scores from 0 to {@code maxScore}, found on {@code page}. */
  public record Criterion(String code, String title, int maxScore, int page) {}

  public record Scheme(
      long campaignId,
      String subjectKey,
      int pages,
      List<Criterion> criteria,
      int secondScoringPercent,
      int discrepancyThreshold) {

    /** The most an expert can give for the whole work. */
    public int maxTotal() {
      return criteria.stream().mapToInt(Criterion::maxScore).sum();
    }
  }

  /** The scheme of a campaign's subject; empty when none was defined. */
  public Mono<Scheme> of(long campaignId, String subjectKey) {
    return db.sql(
            "select pages, criteria::text as criteria, second_scoring_percent,"
                + " discrepancy_threshold from scan_scheme"
                + " where campaign_id = :c and subject_key = :s")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .map(
            row ->
                new Scheme(
                    campaignId,
                    subjectKey,
                    row.get("pages", Integer.class),
                    json.readValue(row.get("criteria", String.class), CRITERIA),
                    row.get("second_scoring_percent", Integer.class),
                    row.get("discrepancy_threshold", Integer.class)))
        .one();
  }
}
