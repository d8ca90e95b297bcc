package org.oko.forum;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The forum's sections, questions and answers (the search is {@link ForumSearchStore}'s, the
 * attachments {@link ForumFileStore}'s, who reads and how much they post {@link
 * ForumReaderStore}'s).
 */
@Component
class ForumStore {

  /** A question with its section and its author's region name; alias {@code q}. */
  private static final String QUESTION_COLUMNS =
      "q.id, q.section_id, s.title as section_title, s.delegated, q.campaign_id,"
          + " q.regional_thread, q.title, q.body, q.author_login, q.author_role, q.author_region,"
          + " r.name as author_region_name, q.status, q.accepted_answer_id, q.merged_into_id,"
          + " q.pinned, q.locked, q.hidden, q.answers, q.created_at, q.last_activity_at";

  private static final String QUESTION_FROM =
      " from forum_question q join forum_section s on s.id = q.section_id"
          + " left join region r on r.code = q.author_region";

  private final DatabaseClient db;

  ForumStore(DatabaseClient db) {
    this.db = db;
  }

  // ---- sections ----

  /** Whether no forum has a section yet. */
  Mono<Boolean> noSections() {
    return db.sql("select not exists (select 1 from forum_section)")
        .map(r -> Boolean.TRUE.equals(r.get(0, Boolean.class)))
        .one();
  }

  Mono<Section> section(long id) {
    return db.sql(
            "select s.id, s.campaign_id, s.title, s.delegated, s.position, 0::bigint as questions,"
                + " 0::bigint as open_questions from forum_section s where s.id = :id")
        .bind("id", id)
        .map(ForumRows::section)
        .one();
  }

  Mono<Long> insertSection(
      Long campaignId, String title, boolean delegated, int position, Instant now) {
    return db.sql(
            "insert into forum_section (campaign_id, title, delegated, position, created_at)"
                + " values (:campaign, :title, :delegated, :position, :now) returning id")
        .bind("campaign", Parameter.fromOrEmpty(campaignId, Long.class))
        .bind("title", title)
        .bind("delegated", delegated)
        .bind("position", position)
        .bind("now", now)
        .map(r -> r.get(0, Long.class))
        .one();
  }

  Mono<Void> updateSection(long id, String title, boolean delegated, int position) {
    return db.sql(
            "update forum_section set title = :title, delegated = :delegated, position = :position"
                + " where id = :id")
        .bind("id", id)
        .bind("title", title)
        .bind("delegated", delegated)
        .bind("position", position)
        .then();
  }

  // ---- questions ----

  Mono<Question> question(long id) {
    return db.sql("select " + QUESTION_COLUMNS + QUESTION_FROM + " where q.id = :id")
        .bind("id", id)
        .map(r -> ForumRows.question(r))
        .one();
  }

  /** The filters of a list of questions. */
  record ListFilter(
      Long campaignId,
      Long sectionId,
      String status,
      boolean mine,
      Boolean regional,
      boolean pinned) {}

  Flux<Question> questions(Reader reader, ListFilter f, long offset, int limit) {
    ForumWhere sql = listWhere(reader, f);
    sql.bind("limit", limit).bind("offset", offset);
    return sql.apply(
            db.sql(
                "select "
                    + QUESTION_COLUMNS
                    + QUESTION_FROM
                    + " where "
                    + sql.where()
                    + " order by q.pinned desc, q.last_activity_at desc, q.id desc"
                    + " limit :limit offset :offset"))
        .map(r -> ForumRows.question(r))
        .all();
  }

  /** The list's total counted row by row: for the reader's own or the pinned questions. */
  Mono<Long> countQuestions(Reader reader, ListFilter f) {
    ForumWhere sql = listWhere(reader, f);
    return sql.apply(db.sql("select count(*) from forum_question q where " + sql.where()))
        .map(r -> r.get(0, Long.class))
        .one();
  }

  private ForumWhere listWhere(Reader reader, ListFilter f) {
    ForumWhere sql = new ForumWhere();
    sql.and(ForumWhere.visible(reader, sql, true));
    if (f.campaignId() == null) {
      sql.and("q.campaign_id is null");
    } else {
      sql.and("q.campaign_id = :campaign").bind("campaign", f.campaignId());
    }
    if (f.sectionId() != null) {
      sql.and("q.section_id = :section").bind("section", f.sectionId());
    }
    if (f.status() != null) {
      sql.and("q.status = :status").bind("status", f.status());
    }
    if (f.mine()) {
      sql.and("q.author_login = :me").bind("me", reader.login());
    }
    if (f.regional() != null) {
      sql.and(f.regional() ? "q.regional_thread is not null" : "q.regional_thread is null");
    }
    if (f.pinned()) {
      sql.and("q.pinned");
    }
    return sql;
  }

  Mono<Long> insertQuestion(
      long sectionId,
      Long campaignId,
      String regionalThread,
      String title,
      String body,
      Reader author,
      Instant now) {
    return db.sql(
            "insert into forum_question (section_id, campaign_id, regional_thread, title, body,"
                + " author_login, author_role, author_region, created_at, last_activity_at)"
                + " values (:section, :campaign, :thread, :title, :body, :login, :role, :region,"
                + " :now, :now) returning id")
        .bind("section", sectionId)
        .bind("campaign", Parameter.fromOrEmpty(campaignId, Long.class))
        .bind("thread", Parameter.fromOrEmpty(regionalThread, String.class))
        .bind("title", title)
        .bind("body", body)
        .bind("login", author.login())
        .bind("role", author.role().name())
        .bind("region", Parameter.fromOrEmpty(author.regionCode(), String.class))
        .bind("now", now)
        .map(r -> r.get(0, Long.class))
        .one();
  }

  Mono<Void> moderate(long id, String title, Boolean pinned, Boolean locked, Boolean hidden) {
    return db.sql(
            "update forum_question set title = coalesce(:title, title),"
                + " pinned = coalesce(:pinned, pinned), locked = coalesce(:locked, locked),"
                + " hidden = coalesce(:hidden, hidden) where id = :id")
        .bind("id", id)
        .bind("title", Parameter.fromOrEmpty(title, String.class))
        .bind("pinned", Parameter.fromOrEmpty(pinned, Boolean.class))
        .bind("locked", Parameter.fromOrEmpty(locked, Boolean.class))
        .bind("hidden", Parameter.fromOrEmpty(hidden, Boolean.class))
        .then();
  }

  Mono<Void> accept(long questionId, long answerId) {
    return db.sql("update forum_question set accepted_answer_id = :answer where id = :id")
        .bind("id", questionId)
        .bind("answer", answerId)
        .then();
  }

  /** Moves the duplicate's answers to {@code into}, and leaves the duplicate as a pointer. */
  Mono<Void> merge(long duplicate, long into, Instant now) {
    return db.sql(
            "with moved as (update forum_answer set question_id = :into"
                + " where question_id = :dup returning id),"
                + " dup as (update forum_question set status = 'MERGED', merged_into_id = :into,"
                + " accepted_answer_id = null, pinned = false where id = :dup returning id)"
                + " update forum_question set answers = answers + (select count(*) from moved),"
                + " status = case when status = 'OPEN' and (answers + (select count(*) from moved))"
                + " > 0 then 'ANSWERED' else status end, last_activity_at = :now"
                + " where id = :into and exists (select 1 from dup)")
        .bind("dup", duplicate)
        .bind("into", into)
        .bind("now", now)
        .then();
  }

  // ---- answers ----

  Flux<Answer> answers(long questionId) {
    return db.sql(
            "select a.id, a.question_id, a.body, a.author_login, a.author_role, a.author_region,"
                + " r.name as author_region_name, a.hidden, a.created_at from forum_answer a"
                + " left join region r on r.code = a.author_region"
                + " where a.question_id = :q order by a.id")
        .bind("q", questionId)
        .map(r -> ForumRows.answer(r))
        .all();
  }

  Mono<Answer> answer(long id) {
    return db.sql(
            "select a.id, a.question_id, a.body, a.author_login, a.author_role, a.author_region,"
                + " r.name as author_region_name, a.hidden, a.created_at from forum_answer a"
                + " left join region r on r.code = a.author_region where a.id = :id")
        .bind("id", id)
        .map(r -> ForumRows.answer(r))
        .one();
  }

  /** Stores the answer; the question becomes ANSWERED. */
  Mono<Long> insertAnswer(long questionId, String body, Reader author, Instant now) {
    return db.sql(
            "with answer as (insert into forum_answer (question_id, body, author_login,"
                + " author_role, author_region, created_at) values (:q, :body, :login, :role,"
                + " :region, :now) returning id),"
                + " question as (update forum_question set answers = answers + 1,"
                + " status = case when status = 'OPEN' then 'ANSWERED' else status end,"
                + " last_activity_at = :now where id = :q)"
                + " select id from answer")
        .bind("q", questionId)
        .bind("body", body)
        .bind("login", author.login())
        .bind("role", author.role().name())
        .bind("region", Parameter.fromOrEmpty(author.regionCode(), String.class))
        .bind("now", now)
        .map(r -> r.get(0, Long.class))
        .one();
  }

  Mono<Void> hideAnswer(long id, boolean hidden) {
    return db.sql("update forum_answer set hidden = :hidden where id = :id")
        .bind("id", id)
        .bind("hidden", hidden)
        .then();
  }
}
