package org.oko.forum;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The forum's search over questions and answers (full text in Russian, typos corrected). */
@Component
class ForumSearchStore {

  /**
   * How many of its index's matches each way of the search ranks at most. Ranking and reading them
   * is most of a search's time when a word is in thousands of messages (docs/benchmarks.md, forum
   * search: EXPLAIN ANALYZE over 100 000 messages — session 4, 2 000 → 500 halved it; session 5,
   * 500 → 200 took the selective search's execution from a median of 52 to 15 ms at load 60); a
   * search with fewer matches ranks them all, and with more the pool is the index's first matches
   * either way, so a page of 20 best of 200 loses nothing a larger arbitrary pool would give.
   */
  static final int SEARCH_POOL = 200;

  private final DatabaseClient db;

  ForumSearchStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Questions whose title or text, or one of whose answers, match the words (the {@code russian}
   * configuration: by stem) — as typed, or with each mistyped word replaced by the nearest word the
   * forum has ({@code forum_word}, trigrams), any of them (a title typed for a new question carries
   * words no earlier question has, such as a number) — best first, so more words matched rank
   * higher. Each way ranks at most {@code pool} matches it finds by its index and keeps its best
   * {@code cap}, so a word found in every message costs no more than a rare one; then each question
   * once, at its best.
   */
  Flux<SearchHit> search(
      Reader reader,
      Forums forums,
      Long sectionId,
      boolean answeredOnly,
      String words,
      int cap,
      long offset,
      int limit) {
    ForumWhere sql = new ForumWhere();
    sql.and(ForumWhere.visible(reader, sql, true));
    sql.and(ForumWhere.forums(reader, forums, sql));
    if (sectionId != null) {
      sql.and("q.section_id = :section").bind("section", sectionId);
    }
    if (answeredOnly) {
      sql.and("q.status = 'ANSWERED'");
    }
    sql.bind("words", words)
        .bind("cap", cap)
        .bind("pool", Math.max(SEARCH_POOL, cap))
        .bind("limit", limit)
        .bind("offset", offset);
    String where = sql.where();
    String query =
        "with typed as (select t.w, row_number() over () as n from regexp_split_to_table("
            + "lower(:words), '[^[:alpha:][:digit:]]+') t(w) where t.w <> ''),"
            + " fixed as (select coalesce((select f.word from forum_word f where f.word % t.w"
            + " order by f.word <-> t.w limit 1), t.w) as w, t.n from typed t),"
            + " words as (select websearch_to_tsquery('russian', :words)"
            + " || to_tsquery('russian', coalesce((select string_agg(w, ' | ' order by n)"
            + " from fixed), '')) as query),"
            + " found as ((select c.id as question_id, null::bigint as answer_id,"
            + " ts_rank(c.search, w.query) * 2 as score from (select q.id, q.search"
            + " from forum_question q join words w on q.search @@ w.query where "
            + where
            + " limit :pool) c cross join words w order by score desc limit :cap)"
            + " union all (select c.question_id, c.id, ts_rank(c.search, w.query) from"
            + " (select a.id, a.question_id, a.search from forum_answer a"
            + " join words w on a.search @@ w.query"
            + " join forum_question q on q.id = a.question_id where not a.hidden and "
            + where
            + " limit :pool) c cross join words w order by 3 desc limit :cap)),"
            + " best as (select distinct on (question_id) question_id, answer_id, score"
            + " from found order by question_id, score desc)"
            + " select q.id, b.answer_id, q.title, left(coalesce(a.body, q.body), 240) as excerpt,"
            + " s.title as section_title, q.campaign_id, q.status, q.created_at"
            + " from best b join forum_question q on q.id = b.question_id"
            + " join forum_section s on s.id = q.section_id"
            + " left join forum_answer a on a.id = b.answer_id"
            + " order by b.score desc, q.id desc limit :limit offset :offset";
    return sql.apply(db.sql(query))
        .map(
            r ->
                new SearchHit(
                    r.get("id", Long.class),
                    r.get("answer_id", Long.class),
                    r.get("title", String.class),
                    r.get("excerpt", String.class),
                    r.get("section_title", String.class),
                    r.get("campaign_id", Long.class),
                    r.get("status", String.class),
                    ForumRows.instant(r, "created_at")))
        .all();
  }
}
