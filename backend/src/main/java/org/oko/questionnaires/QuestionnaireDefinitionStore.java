package org.oko.questionnaires;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored questionnaire definitions and their versions. The current version lives in {@code
 * questionnaire_definition}; every published version, the current one included, also in {@code
 * questionnaire_definition_version}, which is never changed once written.
 *
 * <p>The content of a version is parsed once and then kept (a version never changes): sessions read
 * it on every autosave. The content handed out is shared, so callers must not modify it.
 */
@Component
class QuestionnaireDefinitionStore {

  /** One version of a definition. */
  record Definition(
      long id,
      long campaignId,
      String category,
      String title,
      long version,
      long latestVersion,
      QuestionnaireContent content,
      Instant updatedAt,
      String updatedBy) {}

  private static final String CURRENT =
      """
      select d.id, d.campaign_id, d.category, d.title, d.version, d.version as latest,
             d.content::text as content, d.updated_at, d.updated_by
      from questionnaire_definition d
      """;

  /** Parsed contents are kept up to this many versions; then the cache starts afresh. */
  private static final int CACHED_VERSIONS = 512;

  private record VersionKey(long id, long version) {}

  /** A published version as participants answer it: what never changes about it. */
  record Published(long id, long version, String title, QuestionnaireContent content) {}

  private final DatabaseClient db;
  private final JsonMapper json;
  private final Map<VersionKey, QuestionnaireContent> parsed = new ConcurrentHashMap<>();
  private final Map<VersionKey, Published> published = new ConcurrentHashMap<>();

  QuestionnaireDefinitionStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** The current version of the campaign's questionnaire for the category; empty if none. */
  Mono<Definition> current(long campaignId, String category) {
    return db.sql(CURRENT + " where d.campaign_id = :campaign and d.category = :category")
        .bind("campaign", campaignId)
        .bind("category", category)
        .map(this::toDefinition)
        .one();
  }

  /** One version (the current one included); empty if there is no such version. */
  Mono<Definition> version(long questionnaireId, long version) {
    return db.sql(
            """
            select d.id, d.campaign_id, d.category, v.title, v.version, d.version as latest,
                   v.content::text as content, v.created_at as updated_at,
                   v.created_by as updated_by
            from questionnaire_definition d
            join questionnaire_definition_version v on v.questionnaire_id = d.id
            where d.id = :id and v.version = :version
            """)
        .bind("id", questionnaireId)
        .bind("version", version)
        .map(this::toDefinition)
        .one();
  }

  /**
   * A version as participants answer it, from memory after the first read: every autosave checks
   * its answers against it, thousands of times a second.
   */
  Mono<Published> published(long questionnaireId, long version) {
    VersionKey key = new VersionKey(questionnaireId, version);
    Published known = published.get(key);
    if (known != null) {
      return Mono.just(known);
    }
    return version(questionnaireId, version)
        .map(d -> new Published(d.id(), d.version(), d.title(), d.content()))
        .doOnNext(
            p -> {
              if (published.size() >= CACHED_VERSIONS) {
                published.clear();
              }
              published.put(key, p);
            });
  }

  /** The current version of one questionnaire; empty if there is none. */
  Mono<Definition> find(long questionnaireId) {
    return db.sql(CURRENT + " where d.id = :id")
        .bind("id", questionnaireId)
        .map(this::toDefinition)
        .one();
  }

  /** The campaign's questionnaires, current versions, by category (teachers first). */
  Flux<Definition> ofCampaign(long campaignId) {
    return db.sql(CURRENT + " where d.campaign_id = :campaign order by d.category desc")
        .bind("campaign", campaignId)
        .map(this::toDefinition)
        .all();
  }

  /** Whether the campaign has a questionnaire for the category already. */
  Mono<Boolean> exists(long campaignId, String category) {
    return db.sql(
            "select exists (select 1 from questionnaire_definition where campaign_id = :c"
                + " and category = :category) as taken")
        .bind("c", campaignId)
        .bind("category", category)
        .map(r -> r.get("taken", Boolean.class))
        .one();
  }

  /** Stores version 1 and answers the id; run it in a transaction. */
  Mono<Long> insert(
      long campaignId,
      String category,
      String title,
      QuestionnaireContent content,
      String by,
      Instant now) {
    String text = json.writeValueAsString(content);
    return db.sql(
            """
            insert into questionnaire_definition (campaign_id, category, title, content, version,
                updated_at, updated_by)
            values (:campaign, :category, :title, :content, 1, :now, :by)
            returning id
            """)
        .bind("campaign", campaignId)
        .bind("category", category)
        .bind("title", title)
        .bind("content", Json.of(text))
        .bind("now", now)
        .bind("by", by)
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(id -> keepVersion(id, 1, title, text, by, now).thenReturn(id));
  }

  /**
   * Publishes the next version if {@code expectedVersion} is still the current one (false if it is
   * not); run it in a transaction.
   */
  Mono<Boolean> update(
      long id,
      long expectedVersion,
      String title,
      QuestionnaireContent content,
      String by,
      Instant now) {
    String text = json.writeValueAsString(content);
    return db.sql(
            """
            update questionnaire_definition set title = :title, content = :content,
                version = version + 1, updated_at = :now, updated_by = :by
            where id = :id and version = :version
            """)
        .bind("id", id)
        .bind("version", expectedVersion)
        .bind("title", title)
        .bind("content", Json.of(text))
        .bind("now", now)
        .bind("by", by)
        .fetch()
        .rowsUpdated()
        .flatMap(
            n ->
                n == 0
                    ? Mono.just(false)
                    : keepVersion(id, expectedVersion + 1, title, text, by, now).thenReturn(true));
  }

  private Mono<Void> keepVersion(
      long id, long version, String title, String content, String by, Instant now) {
    return db.sql(
            """
            insert into questionnaire_definition_version (questionnaire_id, version, title,
                content, created_at, created_by)
            values (:id, :version, :title, :content, :now, :by)
            """)
        .bind("id", id)
        .bind("version", version)
        .bind("title", title)
        .bind("content", Json.of(content))
        .bind("now", now)
        .bind("by", by)
        .then();
  }

  QuestionnaireContent read(String text) {
    return json.readValue(text, QuestionnaireContent.class);
  }

  private Definition toDefinition(Readable r) {
    long id = r.get("id", Long.class);
    long version = r.get("version", Long.class);
    String text = r.get("content", String.class);
    VersionKey key = new VersionKey(id, version);
    QuestionnaireContent content = parsed.get(key);
    if (content == null) {
      content = read(text);
      if (parsed.size() >= CACHED_VERSIONS) {
        parsed.clear();
      }
      parsed.put(key, content);
    }
    return new Definition(
        id,
        r.get("campaign_id", Long.class),
        r.get("category", String.class),
        r.get("title", String.class),
        version,
        r.get("latest", Long.class),
        content,
        r.get("updated_at", Instant.class),
        r.get("updated_by", String.class));
  }
}
