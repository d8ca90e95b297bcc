package org.oko.forum;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignReadModel;
import org.oko.platform.blob.StoredBlob;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The forum's tables: sections, questions, answers, attachments, the posting quota. */
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

  // ---- who the reader is ----

  /** The kind of an organization (a college's organizer reads the СПО forum). */
  Mono<String> organizationKind(long organizationId) {
    return db.sql("select kind from organization where id = :id")
        .bind("id", organizationId)
        .map(r -> r.get(0, String.class))
        .one();
  }

  /** Of these campaigns, the СПО studies (the only ones whose colleges are organizers). */
  Flux<Long> spoCampaigns(List<Long> campaignIds) {
    return db.sql(
            "select id from "
                + CampaignReadModel.campaigns()
                + " c where c.id = any(:ids) and c.kind = 'SPO'")
        .bind("ids", campaignIds.toArray(Long[]::new))
        .map(r -> r.get(0, Long.class))
        .all();
  }

  Mono<String> campaignKind(long campaignId) {
    return db.sql("select kind from " + CampaignReadModel.campaigns() + " c where c.id = :id")
        .bind("id", campaignId)
        .map(r -> r.get(0, String.class))
        .one();
  }

  // ---- sections ----

  Flux<Section> sections(Reader reader, Long campaignId) {
    Sql sql = new Sql();
    String visible = visible(reader, sql, true);
    String forum = campaignId == null ? "s.campaign_id is null" : "s.campaign_id = :campaign";
    if (campaignId != null) {
      sql.bind("campaign", campaignId);
    }
    return sql.apply(
            db.sql(
                "select s.id, s.campaign_id, s.title, s.delegated, s.position,"
                    + " count(q.id) as questions,"
                    + " count(q.id) filter (where q.status = 'OPEN') as open_questions"
                    + " from forum_section s left join forum_question q on q.section_id = s.id"
                    + " and "
                    + visible
                    + " where "
                    + forum
                    + " group by s.id order by s.position, s.id"))
        .map(r -> section(r))
        .all();
  }

  Mono<Section> section(long id) {
    return db.sql(
            "select s.id, s.campaign_id, s.title, s.delegated, s.position, 0::bigint as questions,"
                + " 0::bigint as open_questions from forum_section s where s.id = :id")
        .bind("id", id)
        .map(r -> section(r))
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
        .map(r -> question(r))
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
    Sql sql = listWhere(reader, f);
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
        .map(r -> question(r))
        .all();
  }

  Mono<Long> countQuestions(Reader reader, ListFilter f) {
    Sql sql = listWhere(reader, f);
    return sql.apply(db.sql("select count(*) from forum_question q where " + sql.where()))
        .map(r -> r.get(0, Long.class))
        .one();
  }

  private Sql listWhere(Reader reader, ListFilter f) {
    Sql sql = new Sql();
    sql.and(visible(reader, sql, true));
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

  /**
   * What the reader sees of {@code q}: not merged away (in lists), common or its region's thread,
   * hidden ones only as their moderator.
   */
  private static String visible(Reader reader, Sql sql, boolean list) {
    sql.bind("thread_region", reader.threadRegion())
        .bind("mod_common", reader.federal())
        .bind("mod_region", reader.regional());
    return "("
        + (list ? "q.status <> 'MERGED' and " : "")
        + "(q.regional_thread is null or q.regional_thread = :thread_region)"
        + " and (not q.hidden or (:mod_common and q.regional_thread is null)"
        + " or (:mod_region and q.regional_thread = :thread_region)))";
  }

  /** The forums a search looks in. */
  private static String forums(Reader reader, Forums forums, Sql sql) {
    if (!forums.all()) {
      if (forums.campaignId() == null) {
        return "q.campaign_id is null";
      }
      sql.bind("campaign", forums.campaignId());
      return "q.campaign_id = :campaign";
    }
    if (reader.federal()) {
      return "true";
    }
    if (forums.campaigns() != null) {
      sql.bind("campaigns", forums.campaigns().toArray(Long[]::new));
      return "q.campaign_id = any(:campaigns)";
    }
    sql.bind("reader_region", reader.regionCode());
    return "(q.campaign_id is null or q.campaign_id in (select cr.campaign_id from "
        + CampaignReadModel.regions()
        + " cr where cr.region_code = :reader_region))";
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
        .map(r -> answer(r))
        .all();
  }

  Mono<Answer> answer(long id) {
    return db.sql(
            "select a.id, a.question_id, a.body, a.author_login, a.author_role, a.author_region,"
                + " r.name as author_region_name, a.hidden, a.created_at from forum_answer a"
                + " left join region r on r.code = a.author_region where a.id = :id")
        .bind("id", id)
        .map(r -> answer(r))
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

  // ---- search ----

  /**
   * Questions whose title or text, or one of whose answers, match the words (the {@code russian}
   * configuration: by stem), or whose title is like the words (trigrams: typos), best first. Each
   * way finds at most {@code cap} candidates by its index; then each question once, at its best.
   * Call it in a transaction: the trigram threshold is set for the transaction only.
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
    Sql sql = new Sql();
    sql.and(visible(reader, sql, true));
    sql.and(forums(reader, forums, sql));
    if (sectionId != null) {
      sql.and("q.section_id = :section").bind("section", sectionId);
    }
    if (answeredOnly) {
      sql.and("q.status = 'ANSWERED'");
    }
    sql.bind("words", words).bind("cap", cap).bind("limit", limit).bind("offset", offset);
    String where = sql.where();
    String query =
        "with words as (select websearch_to_tsquery('russian', :words) as query),"
            + " found as ((select q.id as question_id, null::bigint as answer_id,"
            + " ts_rank(q.search, w.query) * 2 as score from forum_question q"
            + " join words w on q.search @@ w.query where "
            + where
            + " order by score desc limit :cap)"
            + " union all (select q.id, a.id, ts_rank(a.search, w.query) from forum_answer a"
            + " join words w on a.search @@ w.query"
            + " join forum_question q on q.id = a.question_id where not a.hidden and "
            + where
            + " order by 3 desc limit :cap)"
            + " union all (select q.id, null::bigint, word_similarity(:words, q.title)"
            + " from forum_question q where :words <% q.title and "
            + where
            + " order by 3 desc limit :cap)),"
            + " best as (select distinct on (question_id) question_id, answer_id, score"
            + " from found order by question_id, score desc)"
            + " select q.id, b.answer_id, q.title, left(coalesce(a.body, q.body), 240) as excerpt,"
            + " s.title as section_title, q.campaign_id, q.status, q.created_at"
            + " from best b join forum_question q on q.id = b.question_id"
            + " join forum_section s on s.id = q.section_id"
            + " left join forum_answer a on a.id = b.answer_id"
            + " order by b.score desc, q.id desc limit :limit offset :offset";
    return db.sql("select set_config('pg_trgm.word_similarity_threshold', '0.5', true)")
        .then()
        .thenMany(
            sql.apply(db.sql(query))
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
                            instant(r, "created_at")))
                .all());
  }

  // ---- attachments ----

  Mono<Long> insertFile(String login, String fileName, StoredBlob blob, Instant now) {
    return db.sql(
            "insert into forum_attachment (uploader_login, file_name, blob_key, size, sha256,"
                + " created_at) values (:login, :name, :key, :size, :sha, :now) returning id")
        .bind("login", login)
        .bind("name", fileName)
        .bind("key", blob.key())
        .bind("size", blob.size())
        .bind("sha", blob.sha256())
        .bind("now", now)
        .map(r -> r.get(0, Long.class))
        .one();
  }

  /** Gives the uploader's loose files to a question or an answer; how many it took. */
  Mono<Long> attach(List<Long> ids, String login, Long questionId, Long answerId) {
    return db.sql(
            "update forum_attachment set question_id = :question, answer_id = :answer"
                + " where id = any(:ids) and uploader_login = :login and question_id is null"
                + " and answer_id is null")
        .bind("ids", ids.toArray(Long[]::new))
        .bind("login", login)
        .bind("question", Parameter.fromOrEmpty(questionId, Long.class))
        .bind("answer", Parameter.fromOrEmpty(answerId, Long.class))
        .fetch()
        .rowsUpdated();
  }

  /** The files of a question and of its answers. */
  Flux<ForumFile> files(long questionId) {
    return db.sql(
            "select f.* from forum_attachment f where f.question_id = :q"
                + " or f.answer_id in (select a.id from forum_answer a where a.question_id = :q)"
                + " order by f.id")
        .bind("q", questionId)
        .map(r -> file(r))
        .all();
  }

  Mono<ForumFile> file(long id) {
    return db.sql("select f.* from forum_attachment f where f.id = :id")
        .bind("id", id)
        .map(r -> file(r))
        .one();
  }

  // ---- posting quota ----

  /**
   * Counts one more post of {@code login} in its window (a new window when the last began before
   * {@code windowStart}) and answers the posts of the window with its start; one statement, so
   * every instance counts the same.
   */
  Mono<Quota> countPost(String login, Instant now, Instant windowStart) {
    return db.sql(
            "insert into forum_post_quota as f (login, window_start, posts) values (:login, :now, 1)"
                + " on conflict (login) do update set"
                + " window_start = case when f.window_start <= :since or f.window_start > :now"
                + " then :now else f.window_start end,"
                + " posts = case when f.window_start <= :since or f.window_start > :now"
                + " then 1 else f.posts + 1 end"
                + " returning posts, window_start")
        .bind("login", login)
        .bind("now", now)
        .bind("since", windowStart)
        .map(r -> new Quota(r.get("posts", Integer.class), instant(r, "window_start")))
        .one();
  }

  record Quota(int posts, Instant windowStart) {}

  // ---- rows ----

  private static Section section(Readable r) {
    return new Section(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("title", String.class),
        Boolean.TRUE.equals(r.get("delegated", Boolean.class)),
        r.get("position", Integer.class),
        r.get("questions", Long.class),
        r.get("open_questions", Long.class));
  }

  private static Question question(Readable r) {
    return new Question(
        r.get("id", Long.class),
        r.get("section_id", Long.class),
        r.get("section_title", String.class),
        Boolean.TRUE.equals(r.get("delegated", Boolean.class)),
        r.get("campaign_id", Long.class),
        r.get("regional_thread", String.class),
        r.get("title", String.class),
        r.get("body", String.class),
        new Author(
            r.get("author_login", String.class),
            r.get("author_role", String.class),
            r.get("author_region", String.class),
            r.get("author_region_name", String.class)),
        r.get("status", String.class),
        r.get("accepted_answer_id", Long.class),
        r.get("merged_into_id", Long.class),
        Boolean.TRUE.equals(r.get("pinned", Boolean.class)),
        Boolean.TRUE.equals(r.get("locked", Boolean.class)),
        Boolean.TRUE.equals(r.get("hidden", Boolean.class)),
        r.get("answers", Integer.class),
        instant(r, "created_at"),
        instant(r, "last_activity_at"));
  }

  private static Answer answer(Readable r) {
    return new Answer(
        r.get("id", Long.class),
        r.get("question_id", Long.class),
        r.get("body", String.class),
        new Author(
            r.get("author_login", String.class),
            r.get("author_role", String.class),
            r.get("author_region", String.class),
            r.get("author_region_name", String.class)),
        Boolean.TRUE.equals(r.get("hidden", Boolean.class)),
        instant(r, "created_at"));
  }

  private static ForumFile file(Readable r) {
    return new ForumFile(
        r.get("id", Long.class),
        r.get("uploader_login", String.class),
        r.get("question_id", Long.class),
        r.get("answer_id", Long.class),
        r.get("file_name", String.class),
        r.get("blob_key", String.class),
        r.get("size", Long.class));
  }

  private static Instant instant(Readable r, String column) {
    OffsetDateTime at = r.get(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** A where clause built of conditions, and the values they bind. */
  private static final class Sql {
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> values = new LinkedHashMap<>();

    Sql and(String condition) {
      where.append(where.isEmpty() ? "" : " and ").append(condition);
      return this;
    }

    Sql bind(String name, Object value) {
      values.put(name, value);
      return this;
    }

    String where() {
      return where.isEmpty() ? "true" : where.toString();
    }

    GenericExecuteSpec apply(GenericExecuteSpec spec) {
      GenericExecuteSpec bound = spec;
      for (Map.Entry<String, Object> v : values.entrySet()) {
        bound = bound.bind(v.getKey(), v.getValue());
      }
      return bound;
    }
  }
}
