package org.oko.questionnaires;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.forms.KitMarkDirectory;
import org.oko.kits.KitCredential;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When a kit's questionnaire credential works: from the opening of the conduct stage (the strips
 * are handed out right after the assessment) until the questionnaire stage closes for the point,
 * and only while protocol 2 has not marked the kit spoiled or not used.
 */
@Component
class QuestionnaireWindow {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** How long a window read for autosave is trusted: schedules change rarely, saves constantly. */
  private static final Duration CACHED_FOR = Duration.ofSeconds(30);

  /**
   * @param opensAt when credentials start to work; null if the schedule has neither stage
   * @param closesAt the questionnaire stage's effective close; null if it has no such stage
   */
  record Window(Instant opensAt, Instant closesAt, ZoneId zone) {}

  private record Key(long campaignId, String regionCode, long organizationId) {}

  private record Cached(Window window, long readAtNanos) {}

  /**
   * How long protocol 2's marks read for submission are trusted. Sign-in and start read them fresh;
   * a kit marked spoiled stops accepting answers at most this much later.
   */
  private static final Duration MARKS_CACHED_FOR = Duration.ofSeconds(10);

  private record PointKey(long campaignId, String subjectKey, long organizationId) {}

  private record CachedMarks(Map<Long, String> marks, long readAtNanos) {}

  private final ConcurrentHashMap<PointKey, CachedMarks> marksCache = new ConcurrentHashMap<>();

  private final StageGate gate;
  private final KitMarkDirectory marks;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();

  QuestionnaireWindow(StageGate gate, KitMarkDirectory marks, Clock clock) {
    this.gate = gate;
    this.marks = marks;
    this.clock = clock;
  }

  /** The window as the schedule says now. */
  Mono<Window> window(long campaignId, String regionCode, long organizationId) {
    Mono<Optional<StageWindow>> conduct =
        gate.window(campaignId, Stage.CONDUCT, regionCode, organizationId)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<Optional<StageWindow>> questionnaire =
        gate.window(campaignId, Stage.QUESTIONNAIRE, regionCode, organizationId)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    return Mono.zip(conduct, questionnaire)
        .map(
            t -> {
              StageWindow c = t.getT1().orElse(null);
              StageWindow q = t.getT2().orElse(null);
              Instant opens = c != null ? c.opensAt() : q != null ? q.opensAt() : null;
              ZoneId zone =
                  c != null ? c.zone() : q != null ? q.zone() : ZoneId.of("Europe/Moscow");
              return new Window(opens, q == null ? null : q.effectiveClosesAt(), zone);
            });
  }

  /** The window, read at most {@link #CACHED_FOR} ago: for the autosave path. */
  Mono<Window> cachedWindow(long campaignId, String regionCode, long organizationId) {
    Key key = new Key(campaignId, regionCode, organizationId);
    Cached cached = cache.get(key);
    long now = System.nanoTime();
    if (cached != null && now - cached.readAtNanos() < CACHED_FOR.toNanos()) {
      return Mono.just(cached.window());
    }
    return window(campaignId, regionCode, organizationId)
        .doOnNext(
            w -> {
              if (cache.size() > 100_000) {
                cache.clear();
              }
              cache.put(key, new Cached(w, now));
            });
  }

  /** Why the window does not admit the participant now; empty when it does. */
  Optional<String> refusal(Window w) {
    if (w.opensAt() == null || w.closesAt() == null) {
      return Optional.of("Анкетирование не предусмотрено планом-графиком кампании");
    }
    Instant now = clock.instant();
    if (now.isBefore(w.opensAt())) {
      return Optional.of(
          "Анкетирование ещё не началось: оно откроется "
              + DATE.format(w.opensAt().atZone(w.zone())));
    }
    if (!now.isBefore(w.closesAt())) {
      // the last day on which it was open, in the region's time
      return Optional.of(
          "Анкетирование завершено " + DATE.format(w.closesAt().minusNanos(1).atZone(w.zone())));
    }
    return Optional.empty();
  }

  /**
   * Why protocol 2 makes the kit's credential unusable; empty when it does not (or says nothing).
   */
  Mono<Optional<String>> markRefusal(KitCredential c) {
    return marks
        .of(c.campaignId(), c.subjectKey(), c.organizationId(), c.kitNumber())
        .map(mark -> markRefusal(c.kitNumber(), mark))
        .defaultIfEmpty(Optional.empty());
  }

  private static Optional<String> markRefusal(long kit, String mark) {
    return KitMarkDirectory.SPOILED.equals(mark) || KitMarkDirectory.NOT_USED.equals(mark)
        ? Optional.of(
            "Комплект "
                + kit
                + " отмечен в протоколе 2 как «"
                + mark
                + "» — этот логин не действует")
        : Optional.empty();
  }

  /**
   * As {@link #refusal(KitCredential)}, from the cached window and the point's cached marks: for
   * submission, which thousands of participants reach in the same minutes.
   */
  Mono<Optional<String>> cachedRefusal(KitCredential c) {
    return cachedWindow(c.campaignId(), c.regionCode(), c.organizationId())
        .flatMap(
            w -> {
              Optional<String> closed = refusal(w);
              if (closed.isPresent()) {
                return Mono.just(closed);
              }
              return pointMarks(c).map(m -> markRefusal(c.kitNumber(), m.get(c.kitNumber())));
            });
  }

  private Mono<Map<Long, String>> pointMarks(KitCredential c) {
    PointKey key = new PointKey(c.campaignId(), c.subjectKey(), c.organizationId());
    CachedMarks cached = marksCache.get(key);
    long now = System.nanoTime();
    if (cached != null && now - cached.readAtNanos() < MARKS_CACHED_FOR.toNanos()) {
      return Mono.just(cached.marks());
    }
    return marks
        .ofPoint(c.campaignId(), c.subjectKey(), c.organizationId())
        .doOnNext(
            m -> {
              if (marksCache.size() > 100_000) {
                marksCache.clear();
              }
              marksCache.put(key, new CachedMarks(m, now));
            });
  }

  /**
   * Why the credential cannot be used now (schedule first, then protocol 2, read fresh); empty if
   * it can.
   */
  Mono<Optional<String>> refusal(KitCredential c) {
    return cachedWindow(c.campaignId(), c.regionCode(), c.organizationId())
        .flatMap(
            w -> {
              Optional<String> closed = refusal(w);
              return closed.isPresent() ? Mono.just(closed) : markRefusal(c);
            });
  }
}
