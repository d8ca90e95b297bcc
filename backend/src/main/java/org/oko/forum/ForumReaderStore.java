package org.oko.forum;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who a reader of the forum is, and how much it posts (the per-account quota). */
@Component
class ForumReaderStore {

  private final DatabaseClient db;

  ForumReaderStore(DatabaseClient db) {
    this.db = db;
  }

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
        .map(r -> new Quota(r.get("posts", Integer.class), ForumRows.instant(r, "window_start")))
        .one();
  }

  record Quota(int posts, Instant windowStart) {}
}
