package org.oko.forum;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The forum's stored tally (V38, kept by triggers on {@code forum_question}): the sections with
 * their question counts and a list's total, read from a few rows per section rather than counted.
 */
@Component
class ForumTallyStore {

  private final DatabaseClient db;

  ForumTallyStore(DatabaseClient db) {
    this.db = db;
  }

  /** The forum's sections with what the reader sees of their stored tally (V38). */
  Flux<Section> sections(Reader reader, Long campaignId) {
    ForumWhere sql = new ForumWhere();
    String visible = ForumWhere.visibleTally(reader, sql);
    String forum = campaignId == null ? "s.campaign_id is null" : "s.campaign_id = :campaign";
    if (campaignId != null) {
      sql.bind("campaign", campaignId);
    }
    return sql.apply(
            db.sql(
                "select s.id, s.campaign_id, s.title, s.delegated, s.position,"
                    + " coalesce(sum(t.questions), 0)::bigint as questions,"
                    + " coalesce(sum(t.open_questions), 0)::bigint as open_questions"
                    + " from forum_section s left join forum_section_tally t on t.section_id = s.id"
                    + " and "
                    + visible
                    + " where "
                    + forum
                    + " group by s.id order by s.position, s.id"))
        .map(ForumRows::section)
        .all();
  }

  /**
   * A list's total from the tally; the filters it cannot answer (the reader's own, the pinned ones)
   * are {@link ForumStore#countQuestions}'s.
   */
  Mono<Long> total(Reader reader, ForumStore.ListFilter f) {
    ForumWhere sql = new ForumWhere();
    sql.and(ForumWhere.visibleTally(reader, sql));
    if (f.campaignId() == null) {
      sql.and("s.campaign_id is null");
    } else {
      sql.and("s.campaign_id = :campaign").bind("campaign", f.campaignId());
    }
    if (f.sectionId() != null) {
      sql.and("t.section_id = :section").bind("section", f.sectionId());
    }
    if (f.regional() != null) {
      sql.and(f.regional() ? "t.thread <> ''" : "t.thread = ''");
    }
    String counted =
        f.status() == null
            ? "t.questions"
            : switch (f.status()) {
              case "OPEN" -> "t.open_questions";
              case "ANSWERED" -> "t.questions - t.open_questions";
              default -> "0";
            };
    return sql.apply(
            db.sql(
                "select coalesce(sum("
                    + counted
                    + "), 0)::bigint from forum_section_tally t"
                    + " join forum_section s on s.id = t.section_id where "
                    + sql.where()))
        .map(r -> r.get(0, Long.class))
        .one();
  }
}
