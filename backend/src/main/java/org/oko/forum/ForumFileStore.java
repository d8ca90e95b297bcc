package org.oko.forum;

import java.time.Instant;
import java.util.List;
import org.oko.platform.blob.StoredBlob;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The forum's attachments: uploaded loose, then given to a question or an answer. */
@Component
class ForumFileStore {

  private final DatabaseClient db;

  ForumFileStore(DatabaseClient db) {
    this.db = db;
  }

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
        .map(ForumRows::file)
        .all();
  }

  Mono<ForumFile> file(long id) {
    return db.sql("select f.* from forum_attachment f where f.id = :id")
        .bind("id", id)
        .map(ForumRows::file)
        .one();
  }
}
