package org.oko.questionnaires;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.Map;
import java.util.UUID;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The HTTP-inclusive ceiling of a questionnaire submission (issue 24, part 2): one authenticated
 * request that stores a row of a submission's size and nothing else — the same security filter
 * chain and JWT check as {@code POST /api/questionnaire-sessions/{id}/submission}, its body (the
 * answers) kept as {@code jsonb} by one R2DBC insert on the application's pool. OKO's full submit
 * (checks, window, conditional write, outbox) is measured against it in the same run by
 * backend/bench/questionnaire-load.sh.
 *
 * <p>Only under the {@code bench} profile, which the benchmark starts the jar with and production
 * never does; so it is not in openapi.yaml (not part of the contract), and its table exists only in
 * a benchmark's database.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class SubmitCeilingRoutes {

  static final String PATH = "/api/bench/submission-ceiling";

  private static final String CREATE =
      """
      create table if not exists bench_submission_ceiling (
          id uuid primary key,
          login text not null,
          answers jsonb not null,
          stored_at timestamptz not null)
      """;

  private static final String INSERT =
      """
      insert into bench_submission_ceiling (id, login, answers, stored_at)
      values (:id, :login, cast(:answers as jsonb), now())
      """;

  @Bean
  RouterFunction<ServerResponse> submitCeilingRouter(DatabaseClient db) {
    db.sql(CREATE).then().block(); // once, at start-up, before the first request
    return route(POST(PATH), request -> store(db, request));
  }

  private static Mono<ServerResponse> store(DatabaseClient db, ServerRequest request) {
    return CurrentCaller.get()
        .flatMap(
            caller -> request.bodyToMono(String.class).flatMap(body -> insert(db, caller, body)))
        .flatMap(
            id ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("id", id.toString())));
  }

  private static Mono<UUID> insert(DatabaseClient db, Caller caller, String answers) {
    UUID id = UUID.randomUUID();
    return db.sql(INSERT)
        .bind("id", id)
        .bind("login", caller.login())
        .bind("answers", answers)
        .then()
        .thenReturn(id);
  }
}
