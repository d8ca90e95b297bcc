package org.oko.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanProgressDirectory.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The figures of one scope that sessions of this instance watch ({@link LiveHubWorker}): its rows
 * as last read, the keys marked dirty since, and its sessions, each given a snapshot on
 * registration and every change after it, in order.
 */
final class LiveScopeFigures {
  private final LiveScope scope;
  private final LiveMessageMapper messages;
  private final Clock clock;
  private final Set<LiveSession<?>> sessions = ConcurrentHashMap.newKeySet();
  private final Mono<Void> loaded;
  private int watchers; // guarded by the hub's scope map: sessions subscribed or subscribing

  // Guarded by this.
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private Set<String> dirty = new HashSet<>();
  private Counts totals = Counts.NONE;
  private long seq;
  private boolean isLoaded;

  LiveScopeFigures(
      LiveScope scope, Supplier<Flux<Row>> all, LiveMessageMapper messages, Clock clock) {
    this.scope = scope;
    this.messages = messages;
    this.clock = clock;
    Supplier<Mono<Void>> load = () -> all.get().collectList().doOnNext(this::load).then();
    this.loaded = Mono.defer(load).cache();
  }

  LiveScope scope() {
    return scope;
  }

  /** Completes when the snapshot is read (once, shared by every subscriber). */
  Mono<Void> loaded() {
    return loaded;
  }

  /** One more session subscribes; guarded by the hub's scope map. */
  void watched() {
    watchers++;
  }

  /** Takes the session off; whether nobody watches any more. Guarded by the hub's scope map. */
  boolean unwatched(LiveSession<?> session) {
    sessions.remove(session);
    return --watchers == 0;
  }

  int sessions() {
    return sessions.size();
  }

  synchronized boolean isLoaded() {
    return isLoaded;
  }

  synchronized void load(List<Row> all) {
    all.forEach(row -> rows.put(row.key(), row));
    totals = sum();
    isLoaded = true;
  }

  synchronized void markDirty(String key) {
    dirty.add(key);
  }

  synchronized Set<String> takeDirty() {
    Set<String> taken = dirty;
    dirty = new HashSet<>();
    return taken;
  }

  synchronized void register(LiveSession<?> session) {
    sessions.add(session);
    session.snapshot(
        scope, seq, messages.snapshot(seq, scope.level(), rows.values(), totals, clock.instant()));
  }

  synchronized void apply(List<Row> fresh, Instant at) {
    List<Row> changed = new ArrayList<>();
    for (Row row : fresh) {
      if (!row.equals(rows.get(row.key()))) {
        rows.put(row.key(), row);
        changed.add(row);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    seq++;
    totals = sum();
    LiveHubWorker.Delta delta =
        new LiveHubWorker.Delta(
            seq, changed, totals, at, messages.delta(seq, scope.level(), changed, totals, at));
    for (LiveSession<?> session : sessions) {
      session.offer(scope, delta);
    }
  }

  private Counts sum() {
    Counts sum = Counts.NONE;
    for (Row row : rows.values()) {
      sum = sum.plus(row.sheets());
    }
    return sum;
  }
}
