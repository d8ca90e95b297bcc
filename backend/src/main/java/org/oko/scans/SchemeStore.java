package org.oko.scans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.oko.scans.ScanSchemes.Criterion;
import org.oko.scans.ScanSchemes.Scheme;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and lists the answer-sheet schemes ({@code scan_scheme}); {@link ScanSchemes} reads one.
 */
@Component
class SchemeStore {

  private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {};

  private final DatabaseClient db;
  private final JsonMapper json;
  private final TransactionalOperator tx;
  private final ScanSchemes schemes;
  private final ScoredWorks scoredWorks;

  SchemeStore(
      DatabaseClient db,
      JsonMapper json,
      TransactionalOperator tx,
      ScanSchemes schemes,
      ScoredWorks scoredWorks) {
    this.db = db;
    this.json = json;
    this.tx = tx;
    this.schemes = schemes;
    this.scoredWorks = scoredWorks;
  }

  /** A stored scheme with when it last changed. */
  record Stored(Scheme scheme, Instant updatedAt) {}

  /** Every scheme of the campaign, by subject. */
  Flux<Stored> list(long campaignId) {
    return db.sql(
            "select subject_key, pages, criteria::text as criteria, second_scoring_percent,"
                + " discrepancy_threshold, updated_at from scan_scheme where campaign_id = :c"
                + " order by subject_key")
        .bind("c", campaignId)
        .map(
            row ->
                new Stored(
                    new Scheme(
                        campaignId,
                        row.get("subject_key", String.class),
                        row.get("pages", Integer.class),
                        json.readValue(row.get("criteria", String.class), CRITERIA),
                        row.get("second_scoring_percent", Integer.class),
                        row.get("discrepancy_threshold", Integer.class)),
                    row.get("updated_at", Instant.class)))
        .all();
  }

  /**
   * The rules a scheme must follow beyond the contract's field bounds: criterion codes unique, each
   * criterion on a page of the work. All problems at once.
   */
  static void check(Scheme scheme) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < scheme.criteria().size(); i++) {
      Criterion c = scheme.criteria().get(i);
      if (!codes.add(c.code())) {
        problems.add(
            FieldProblem.of(
                "criteria[" + i + "].code",
                "Критерий «" + c.code() + "» указан дважды — у каждого критерия свой код"));
      }
      if (c.page() > scheme.pages()) {
        problems.add(
            FieldProblem.of(
                "criteria[" + i + "].page",
                "Критерий «"
                    + c.code()
                    + "» на странице "
                    + c.page()
                    + ", а в работе "
                    + scheme.pages()
                    + " стр. — исправьте страницу или число страниц"));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Схема бланка заполнена с ошибками", problems);
    }
  }

  /**
   * Stores the scheme. Once any work of the subject has been scored, a scheme that differs from the
   * stored one is refused (scores already given would no longer match the criteria); storing the
   * same scheme again is harmless.
   */
  Mono<Instant> put(Scheme scheme, String login, Instant now) {
    check(scheme);
    String criteria = json.writeValueAsString(scheme.criteria());
    Mono<Instant> work =
        db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
            .bind("key", "scan_scheme/" + scheme.campaignId() + "/" + scheme.subjectKey())
            .fetch()
            .rowsUpdated()
            .then(schemes.of(scheme.campaignId(), scheme.subjectKey()).map(Optional::of))
            .defaultIfEmpty(Optional.empty())
            .flatMap(
                old -> {
                  if (old.isPresent() && scheme.equals(old.get())) {
                    return updatedAt(scheme);
                  }
                  return scoredWorks
                      .anyScored(scheme.campaignId(), scheme.subjectKey())
                      .flatMap(
                          scored ->
                              scored
                                  ? Mono.error(
                                      new ConflictException(
                                          "Работы по этому предмету уже оценены экспертами —"
                                              + " схему бланка менять нельзя"))
                                  : upsert(scheme, criteria, login, now).thenReturn(now));
                });
    return tx.transactional(work);
  }

  private Mono<Instant> updatedAt(Scheme scheme) {
    return db.sql("select updated_at from scan_scheme where campaign_id = :c and subject_key = :s")
        .bind("c", scheme.campaignId())
        .bind("s", scheme.subjectKey())
        .map(r -> r.get("updated_at", Instant.class))
        .one();
  }

  private Mono<Void> upsert(Scheme scheme, String criteria, String login, Instant now) {
    return db.sql(
            "insert into scan_scheme (campaign_id, subject_key, pages, criteria,"
                + " second_scoring_percent, discrepancy_threshold, updated_at, updated_by)"
                + " values (:c, :s, :pages, cast(:criteria as jsonb), :second, :threshold, :now,"
                + " :by) on conflict (campaign_id, subject_key) do update set pages ="
                + " excluded.pages, criteria = excluded.criteria, second_scoring_percent ="
                + " excluded.second_scoring_percent, discrepancy_threshold ="
                + " excluded.discrepancy_threshold, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by")
        .bind("c", scheme.campaignId())
        .bind("s", scheme.subjectKey())
        .bind("pages", scheme.pages())
        .bind("criteria", criteria)
        .bind("second", scheme.secondScoringPercent())
        .bind("threshold", scheme.discrepancyThreshold())
        .bind("now", now)
        .bind("by", login)
        .then();
  }
}
