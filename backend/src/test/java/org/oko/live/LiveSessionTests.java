package org.oko.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.scans.ScanProgressDirectory;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A session's outgoing figures: produced on demand, coalesced while the client does not read. */
class LiveSessionTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LiveScope SCOPE = new LiveScope(1, LiveScope.Level.ORGANIZATION, "64");

  private final LiveMessageMapper messages = new LiveMessageMapper(JSON);

  private static ScanProgressDirectory.Row row(String key, long uploaded) {
    return new ScanProgressDirectory.Row(
        key,
        "Школа " + key,
        "64",
        Long.valueOf(key),
        null,
        new ScanProgressDirectory.Counts(uploaded, 0, uploaded, 0, 0, 0, 0));
  }

  private LiveHubWorker.Delta delta(long seq, ScanProgressDirectory.Row row) {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    ScanProgressDirectory.Counts totals = row.sheets();
    return new LiveHubWorker.Delta(
        seq,
        List.of(row),
        totals,
        at,
        messages.delta(seq, SCOPE.level(), List.of(row), totals, at));
  }

  private static JsonNode json(byte[] frame) {
    return JSON.readTree(new String(frame, StandardCharsets.UTF_8));
  }

  @Test
  void aClientThatDoesNotAskGetsOneMessageWithTheLatestRowsNotABacklog() {
    LiveSession<byte[]> session = new LiveSession<>(messages, bytes -> bytes);
    StepVerifier.create(session.outbound(), 0)
        .then(
            () -> {
              session.authenticated(
                  new Caller("region64", "Регион", Role.REGIONAL, "64", null, null));
              session.subscribing(SCOPE);
              session.snapshot(
                  SCOPE,
                  0,
                  messages.snapshot(
                      0,
                      SCOPE.level(),
                      List.of(),
                      ScanProgressDirectory.Counts.NONE,
                      Instant.now()));
              for (int i = 1; i <= 100_000; i++) {
                session.offer(SCOPE, delta(i, row(Long.toString(100 + i % 3), i)));
              }
              assertThat(session.pendingRows()).isEqualTo(3);
              assertThat(session.sent()).isZero();
            })
        .thenRequest(2)
        .assertNext(frame -> assertThat(json(frame).path("type").asString()).isEqualTo("ready"))
        .assertNext(frame -> assertThat(json(frame).path("type").asString()).isEqualTo("snapshot"))
        .thenRequest(1)
        .assertNext(
            frame -> {
              JsonNode delta = json(frame);
              assertThat(delta.path("type").asString()).isEqualTo("delta");
              assertThat(delta.path("seq").asLong()).isEqualTo(100_000);
              assertThat(delta.path("rows")).hasSize(3);
              assertThat(delta.path("rows").get(0).path("sheets").path("uploaded").asLong())
                  .isGreaterThan(99_997);
            })
        .then(() -> assertThat(session.pendingRows()).isZero())
        .thenRequest(1)
        .then(
            () -> {
              session.offer(SCOPE, delta(100_001, row("101", 100_001)));
              session.fail("forbidden", "нет", 1008);
            })
        .assertNext(frame -> assertThat(json(frame).path("type").asString()).isIn("delta", "error"))
        .thenRequest(1)
        .thenConsumeWhile(frame -> true)
        .verifyComplete();
  }

  @Test
  void aDeltaOlderThanTheSnapshotIsNotSent() {
    LiveSession<byte[]> session = new LiveSession<>(messages, bytes -> bytes);
    StepVerifier.create(session.outbound(), 10)
        .then(
            () -> {
              session.subscribing(SCOPE);
              session.offer(SCOPE, delta(1, row("101", 1))); // before the snapshot: dropped
              session.snapshot(
                  SCOPE,
                  5,
                  messages.snapshot(
                      5,
                      SCOPE.level(),
                      List.of(),
                      ScanProgressDirectory.Counts.NONE,
                      Instant.now()));
              session.offer(SCOPE, delta(5, row("101", 5))); // already in the snapshot
              session.offer(SCOPE, delta(6, row("101", 6)));
              session.finish();
            })
        .assertNext(frame -> assertThat(json(frame).path("seq").asLong()).isEqualTo(5))
        .assertNext(frame -> assertThat(json(frame).path("seq").asLong()).isEqualTo(6))
        .verifyComplete();
  }
}
