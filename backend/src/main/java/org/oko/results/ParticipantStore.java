package org.oko.results;

import io.r2dbc.spi.Readable;
import java.util.Collections;
import java.util.List;
import org.oko.platform.web.Paging;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The participants' rows ({@code result_participant}): an organization's replaced as a whole, read
 * back (a tally rebuild, report 5), regraded by a new scale.
 */
@Component
class ParticipantStore {

  private final DatabaseClient db;

  ParticipantStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> replace(
      long campaignId, String subjectKey, long organizationId, List<Participant> participants) {
    Mono<Void> delete =
        db.sql(
                "delete from result_participant where campaign_id = :c and subject_key = :s"
                    + " and organization_id = :o")
            .bind("c", campaignId)
            .bind("s", subjectKey)
            .bind("o", organizationId)
            .then();
    if (participants.isEmpty()) {
      return delete;
    }
    return delete.then(
        insert(
            campaignId,
            subjectKey,
            Collections.nCopies(participants.size(), organizationId),
            participants));
  }

  /**
   * Participants of one or more organizations ({@code organizationIds} in step with {@code
   * participants}) in one statement: an organization's replacement, or one batch of a bulk load
   * (the results benchmark's synthetic country). A code already there is left as it is.
   */
  Mono<Void> insert(
      long campaignId,
      String subjectKey,
      List<Long> organizationIds,
      List<Participant> participants) {
    int n = participants.size();
    if (n == 0) {
      return Mono.empty();
    }
    String[] codes = new String[n];
    String[] classes = new String[n];
    Integer[] variants = new Integer[n];
    String[] scores = new String[n];
    Integer[] totals = new Integer[n];
    Integer[] grades = new Integer[n];
    Integer[] journals = new Integer[n];
    for (int i = 0; i < n; i++) {
      Participant p = participants.get(i);
      codes[i] = p.code();
      classes[i] = p.classLetter();
      variants[i] = p.variant();
      scores[i] = IntArrays.pgArray(p.scores());
      totals[i] = p.total();
      grades[i] = p.grade();
      journals[i] = p.journalGrade();
    }
    return db.sql(
            """
            insert into result_participant (campaign_id, subject_key, organization_id, code,
                class_letter, variant, scores, total, grade, journal_grade)
            select :c, :s, o, code, cls, var, cast(sc as smallint[]), tot, gr, jg
            from unnest(cast(:orgs as bigint[]), cast(:codes as text[]),
                        cast(:classes as text[]), cast(:variants as integer[]),
                        cast(:scores as text[]), cast(:totals as integer[]),
                        cast(:grades as integer[]), cast(:journals as integer[]))
                 as p(o, code, cls, var, sc, tot, gr, jg)
            on conflict do nothing
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("orgs", organizationIds.toArray(Long[]::new))
        .bind("codes", codes)
        .bind("classes", classes)
        .bind("variants", variants)
        .bind("scores", scores)
        .bind("totals", totals)
        .bind("grades", grades)
        .bind("journals", journals)
        .then();
  }

  Flux<Participant> participants(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            "select code, class_letter, variant, scores, total, grade, journal_grade"
                + " from result_participant where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o order by class_letter, code")
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("o", organizationId)
        .map(ParticipantStore::participant)
        .all();
  }

  static Participant participant(Readable r) {
    Short[] scores = r.get("scores", Short[].class);
    int[] s = new int[scores.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = scores[i];
    }
    Short variant = r.get("variant", Short.class);
    Short grade = r.get("grade", Short.class);
    Short journal = r.get("journal_grade", Short.class);
    return new Participant(
        r.get("code", String.class),
        r.get("class_letter", String.class),
        variant == null ? null : variant.intValue(),
        s,
        r.get("total", Integer.class),
        grade == null ? null : grade.intValue(),
        journal == null ? null : journal.intValue());
  }

  /** Grades every participant of the subject again by the scale, in one statement. */
  Mono<Long> regrade(long campaignId, String subjectKey, int[] b) {
    return db.sql(
            """
            update result_participant set grade = 2 + (case when total >= :b3 then 1 else 0 end)
                + (case when total >= :b4 then 1 else 0 end)
                + (case when total >= :b5 then 1 else 0 end)
            where campaign_id = :c and subject_key = :s
            """)
        .bind("c", campaignId)
        .bind("s", subjectKey)
        .bind("b3", b[0])
        .bind("b4", b[1])
        .bind("b5", b[2])
        .fetch()
        .rowsUpdated();
  }

  // --- a page of them (report 5)

  Mono<Long> countParticipants(long campaign, String subject, long organization) {
    return db.sql(
            "select count(*) as n from result_participant where campaign_id = :c"
                + " and subject_key = :s and organization_id = :o")
        .bind("c", campaign)
        .bind("s", subject)
        .bind("o", organization)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  Flux<Participant> page(long campaign, String subject, long organization, Paging page) {
    return db.sql(
            "select code, class_letter, variant, scores, total, grade, journal_grade"
                + " from result_participant where campaign_id = :c and subject_key = :s"
                + " and organization_id = :o order by class_letter, code limit :l offset :off")
        .bind("c", campaign)
        .bind("s", subject)
        .bind("o", organization)
        .bind("l", page.size())
        .bind("off", page.offset())
        .map(ParticipantStore::participant)
        .all();
  }
}
