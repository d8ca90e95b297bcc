package org.oko.questionnaires;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.oko.campaigns.CampaignReadModel;
import org.oko.kits.KitCredential;
import org.oko.kits.KitCredentialDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code questionnaire_session}, and the definition versions sessions answer. */
@Component
class SessionStore {

  private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS =
      new TypeReference<>() {};

  private static final String SELECT =
      """
      select s.id, s.login, s.questionnaire_id, s.definition_version, s.campaign_id, s.subject_key,
             s.organization_id, s.region_code, s.status, s.answers::text as answers, s.revision,
             s.started_at, s.updated_at, s.submitted_at, s.submit_key, c.category, c.kit_number
      from questionnaire_session s join %s c on c.login = s.login
      """
          .formatted(KitCredentialDirectory.kits());

  /** A session as stored. */
  record Session(
      UUID id,
      String login,
      long questionnaireId,
      long definitionVersion,
      long campaignId,
      String subjectKey,
      long organizationId,
      String regionCode,
      String category,
      long kitNumber,
      boolean submitted,
      Map<String, Object> answers,
      long revision,
      Instant startedAt,
      Instant updatedAt,
      Instant submittedAt,
      String submitKey) {}

  /** The parts of a session that never change once started: what autosave needs to check. */
  record Header(
      UUID id,
      String login,
      long questionnaireId,
      long definitionVersion,
      long campaignId,
      String regionCode,
      long organizationId) {}

  /** What autosave answers. */
  record Saved(long revision, int answered) {}

  private final DatabaseClient db;
  private final JsonMapper json;
  private final ConcurrentHashMap<UUID, Header> headers = new ConcurrentHashMap<>();

  private static final long TITLES_CACHED_FOR_NANOS = 60_000_000_000L;

  private record TitleKey(long campaignId, String subjectKey) {}

  private record Titles(String[] titles, long readAtNanos) {}

  private final ConcurrentHashMap<TitleKey, Titles> titles = new ConcurrentHashMap<>();

  SessionStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  Mono<Session> byLogin(String login) {
    return db.sql(SELECT + " where s.login = :login")
        .bind("login", login)
        .map(this::toSession)
        .one();
  }

  /** The session if it is the participant's; empty for an unknown one and another's alike. */
  Mono<Session> byId(UUID id, String login) {
    return db.sql(SELECT + " where s.id = :id and s.login = :login")
        .bind("id", id)
        .bind("login", login)
        .map(this::toSession)
        .one();
  }

  /** The unchanging part of the participant's session, remembered after the first read. */
  Mono<Header> header(UUID id, String login) {
    Header known = headers.get(id);
    if (known != null) {
      return known.login().equals(login) ? Mono.just(known) : Mono.empty();
    }
    return db.sql(
            "select id, login, questionnaire_id, definition_version, campaign_id, region_code,"
                + " organization_id from questionnaire_session where id = :id and login = :login")
        .bind("id", id)
        .bind("login", login)
        .map(
            r ->
                new Header(
                    r.get("id", UUID.class),
                    r.get("login", String.class),
                    r.get("questionnaire_id", Long.class),
                    r.get("definition_version", Long.class),
                    r.get("campaign_id", Long.class),
                    r.get("region_code", String.class),
                    r.get("organization_id", Long.class)))
        .one()
        .doOnNext(
            h -> {
              if (headers.size() > 200_000) {
                headers.clear();
              }
              headers.put(id, h);
            });
  }

  /**
   * Starts the credential's session unless it has one (two devices at once make one); true if new.
   */
  Mono<Boolean> start(
      KitCredential c, QuestionnaireDefinitionStore.Definition definition, Instant now) {
    return db.sql(
            """
            insert into questionnaire_session (id, login, questionnaire_id, definition_version,
                campaign_id, subject_key, organization_id, region_code, status, answers, revision,
                started_at, updated_at)
            values (:id, :login, :questionnaire, :version, :campaign, :subject, :org, :region,
                'STARTED', '{}', 0, :now, :now)
            on conflict (login) do nothing
            """)
        .bind("id", UUID.randomUUID())
        .bind("login", c.login())
        .bind("questionnaire", definition.id())
        .bind("version", definition.version())
        .bind("campaign", c.campaignId())
        .bind("subject", c.subjectKey())
        .bind("org", c.organizationId())
        .bind("region", c.regionCode())
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /**
   * Autosave in one statement: merges the patch (a null clears an answer) if the session is still
   * the participant's and not submitted; empty otherwise.
   */
  Mono<Saved> merge(UUID id, String login, Map<String, Object> patch, Instant now) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> cleared = new ArrayList<>();
    patch.forEach(
        (key, value) -> {
          if (value == null) {
            cleared.add(key);
          } else {
            values.put(key, value);
          }
        });
    return db.sql(
            """
            update questionnaire_session
            set answers = jsonb_strip_nulls((answers - cast(:cleared as text[])) || :patch),
                revision = revision + 1, updated_at = :now
            where id = :id and login = :login and status = 'STARTED'
            returning revision, (select count(*) from jsonb_object_keys(answers)) as answered
            """)
        .bind("cleared", cleared.toArray(String[]::new))
        .bind("patch", Json.of(write(values)))
        .bind("now", now)
        .bind("id", id)
        .bind("login", login)
        .map(
            r -> new Saved(r.get("revision", Long.class), r.get("answered", Long.class).intValue()))
        .one();
  }

  /** Whether the participant's session exists and is submitted (after a merge found nothing). */
  Mono<Boolean> submitted(UUID id, String login) {
    return db.sql("select status from questionnaire_session where id = :id and login = :login")
        .bind("id", id)
        .bind("login", login)
        .map(r -> "SUBMITTED".equals(r.get("status", String.class)))
        .one();
  }

  /**
   * The submission if the session is still as read (not submitted, no save since), for {@link
   * org.oko.platform.events.Outbox#appendIfChanged}: the service stores it with its event in one
   * statement, no lock held while the answers are checked. Bound by {@link #submission}.
   */
  static final String SUBMIT_IF_UNCHANGED =
      """
      update questionnaire_session
      set answers = cast(:answers as jsonb), status = 'SUBMITTED', revision = revision + 1,
          updated_at = :now, submitted_at = :now, submit_key = :key
      where id = :id and status = 'STARTED' and revision = :revision
      """;

  /** Binds {@link #SUBMIT_IF_UNCHANGED}'s parameters. */
  UnaryOperator<GenericExecuteSpec> submission(
      UUID id, long revision, Map<String, Object> answers, String key, Instant now) {
    return spec ->
        spec.bind("answers", Json.of(write(answers)))
            .bind("now", now)
            .bind("key", key)
            .bind("id", id)
            .bind("revision", revision);
  }

  /**
   * The campaign's title and the subject's name, for the participant's page; read again after a
   * minute, so that a corrected title shows without a restart.
   */
  Mono<String[]> titles(long campaignId, String subjectKey) {
    TitleKey key = new TitleKey(campaignId, subjectKey);
    Titles known = titles.get(key);
    long now = System.nanoTime();
    if (known != null && now - known.readAtNanos() < TITLES_CACHED_FOR_NANOS) {
      return Mono.just(known.titles());
    }
    return readTitles(campaignId, subjectKey)
        .doOnNext(
            t -> {
              if (titles.size() > 10_000) {
                titles.clear();
              }
              titles.put(key, new Titles(t, now));
            });
  }

  private Mono<String[]> readTitles(long campaignId, String subjectKey) {
    return db.sql(
            "select c.title, "
                + CampaignReadModel.subjectName("c.id", ":subject")
                + " as subject from "
                + CampaignReadModel.campaigns()
                + " c where c.id = :id")
        .bind("id", campaignId)
        .bind("subject", subjectKey)
        .map(r -> new String[] {r.get("title", String.class), r.get("subject", String.class)})
        .one();
  }

  Map<String, Object> readAnswers(String text) {
    return text == null ? new LinkedHashMap<>() : json.readValue(text, ANSWERS);
  }

  String write(Object value) {
    return json.writeValueAsString(value);
  }

  private Session toSession(Readable r) {
    return new Session(
        r.get("id", UUID.class),
        r.get("login", String.class),
        r.get("questionnaire_id", Long.class),
        r.get("definition_version", Long.class),
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        r.get("organization_id", Long.class),
        r.get("region_code", String.class),
        r.get("category", String.class),
        r.get("kit_number", Long.class),
        "SUBMITTED".equals(r.get("status", String.class)),
        readAnswers(r.get("answers", String.class)),
        r.get("revision", Long.class),
        r.get("started_at", Instant.class),
        r.get("updated_at", Instant.class),
        r.get("submitted_at", Instant.class),
        r.get("submit_key", String.class));
  }
}
