package org.oko.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oko.platform.events.EventStream;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.oko.scans.ScanProgressDirectory;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanProgressDirectory.Row;
import org.oko.scans.SheetStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans sheet status changes out to the sockets of this instance (a Kafka consumer started with the
 * application).
 *
 * <p>Every instance receives every {@link SheetStatusChanged} (a broadcast subscription: its own
 * consumer group, from the latest offset). An event only marks its campaign, region, organization
 * and batch dirty in the scopes somebody watches; every tick the dirty rows of each watched scope
 * are re-read from the database once — shared by all its sessions — and only rows whose figures
 * changed go out. Figures are always counted from the sheets, so a duplicate or reordered event
 * changes nothing, and a burst of events costs one query per scope and tick. A scope's figures and
 * sessions are {@link LiveScopeFigures}.
 */
@Component
class LiveHubWorker extends BackgroundLoop {

  private static final Logger log = LoggerFactory.getLogger(LiveHubWorker.class);

  /** Changed rows of a scope, serialized once for every session that can take them as they are. */
  record Delta(long seq, List<Row> rows, Counts totals, Instant at, byte[] message) {}

  private final EventStream events;
  private final ScanProgressDirectory progress;
  private final LiveMessageMapper messages;
  private final JsonMapper json;
  private final Clock clock;
  private final LiveProperties properties;
  private final Map<LiveScope, LiveScopeFigures> scopes = new ConcurrentHashMap<>();
  private final Scheduler ticks = Schedulers.newSingle("live-hub");

  /**
   * Wakes the hub as soon as an event marked a watched scope, rather than at the next tick: the
   * tick was half of the delta latency's wait (issue 24, part 3). Flushes still never overlap, and
   * wakes during a flush fold into one more flush, so a burst of events still costs one query per
   * scope per flush.
   */
  private final Sinks.Many<Long> wake = Sinks.many().multicast().directBestEffort();

  private volatile boolean listening;

  LiveHubWorker(
      EventStream events,
      ScanProgressDirectory progress,
      LiveMessageMapper messages,
      JsonMapper json,
      Clock clock,
      LiveProperties properties) {
    this.events = events;
    this.progress = progress;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
  }

  /** Whether this instance receives the events (its partitions are assigned). */
  boolean listening() {
    return listening;
  }

  /**
   * Registers the session for the scope and gives it a snapshot. The snapshot and the registration
   * happen together, so the session misses no change and gets none twice.
   */
  Mono<Void> subscribe(LiveSession<?> session, LiveScope scope) {
    return Mono.defer(
        () -> {
          LiveScopeFigures state;
          synchronized (scopes) {
            state = scopes.computeIfAbsent(scope, this::figures);
            state.watched();
          }
          return state
              .loaded()
              .doOnSuccess(ignored -> state.register(session))
              .doOnError(
                  e -> {
                    synchronized (scopes) {
                      scopes.remove(scope, state); // the next subscriber tries afresh
                    }
                  });
        });
  }

  /** The session no longer watches the scope. */
  void unsubscribe(LiveSession<?> session, LiveScope scope) {
    if (scope == null) {
      return;
    }
    synchronized (scopes) {
      LiveScopeFigures state = scopes.get(scope);
      if (state == null) {
        return;
      }
      if (state.unwatched(session)) {
        scopes.remove(scope);
      }
    }
  }

  private LiveScopeFigures figures(LiveScope scope) {
    return new LiveScopeFigures(scope, () -> query(scope, null), messages, clock);
  }

  /** Sessions connected to this instance, per scope (for tests and the benchmark). */
  int sessions() {
    return scopes.values().stream().mapToInt(LiveScopeFigures::sessions).sum();
  }

  void onEvent(SheetStatusChanged e) {
    boolean watched =
        mark(new LiveScope(e.campaignId(), LiveScope.Level.REGION, null), e.regionCode())
            | mark(
                new LiveScope(e.campaignId(), LiveScope.Level.ORGANIZATION, e.regionCode()),
                Long.toString(e.organizationId()))
            | mark(
                new LiveScope(e.campaignId(), LiveScope.Level.BATCH, e.regionCode()),
                Long.toString(e.batchId()));
    if (watched) {
      // the events come from one consumer thread; a failed wake is caught up by the tick
      wake.tryEmitNext(0L);
    }
  }

  private boolean mark(LiveScope scope, String key) {
    LiveScopeFigures state = scopes.get(scope);
    if (state != null) {
      state.markDirty(key);
      return true;
    }
    return false;
  }

  /** Re-reads the dirty rows of every watched scope and pushes what changed. */
  Mono<Void> flush() {
    return Flux.fromIterable(new ArrayList<>(scopes.values())).flatMap(this::refresh, 4).then();
  }

  private Mono<Void> refresh(LiveScopeFigures state) {
    if (!state.isLoaded()) {
      return Mono.empty(); // its snapshot query is still running; the marks wait for it
    }
    Set<String> keys = state.takeDirty();
    if (keys.isEmpty()) {
      return Mono.empty();
    }
    return query(state.scope(), keys)
        .collectList()
        .doOnNext(rows -> state.apply(rows, clock.instant()))
        .onErrorResume(
            e -> {
              log.warn("Live figures of {} could not be read: {}", state.scope(), e.toString());
              keys.forEach(state::markDirty);
              return Mono.empty();
            })
        .then();
  }

  private Flux<Row> query(LiveScope scope, Set<String> keys) {
    switch (scope.level()) {
      case REGION:
        return progress.byRegion(scope.campaignId(), null, keys);
      case ORGANIZATION:
        return progress.byOrganization(
            scope.campaignId(),
            scope.regionCode(),
            null,
            keys == null ? null : keys.stream().map(Long::valueOf).toList());
      default:
        return progress.byBatch(
            scope.campaignId(),
            scope.regionCode(),
            keys == null ? null : keys.stream().map(Long::valueOf).toList());
    }
  }

  void receive(ReceivedEvent event) {
    try {
      onEvent(json.readValue(event.payload(), SheetStatusChanged.class));
    } catch (RuntimeException e) {
      log.warn("Unreadable sheet event {} ignored: {}", event.id(), e.toString());
    }
  }

  @Override
  protected Disposable run() {
    Disposable consumer =
        events
            .broadcast("oko-live", List.of(SheetStatusChanged.TOPIC.name()), () -> listening = true)
            .doOnNext(this::receive)
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, java.time.Duration.ofSeconds(1))
                    .maxBackoff(java.time.Duration.ofSeconds(30))
                    .doBeforeRetry(
                        signal -> {
                          listening = false;
                          log.warn("Live events interrupted, retrying: {}", signal.failure());
                        }))
            .subscribe();
    Disposable ticker =
        Flux.merge(Flux.interval(properties.tick(), ticks), wake.asFlux().publishOn(ticks))
            .onBackpressureLatest()
            .concatMap(tick -> flush(), 1)
            .subscribe();
    return Disposables.composite(consumer, ticker, () -> listening = false);
  }
}
