package org.oko.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.oko.platform.security.Caller;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanProgressDirectory.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * What one socket still has to send. Nothing queues without bound: figures waiting for a slow
 * client are kept as the latest row per key (a newer delta overwrites an older one), so a client
 * that reads slowly gets fewer, newer messages, and what waits is at most one row per row of its
 * scope. Figures are handed over only while the connection asks for them and its channel is
 * writable ({@link LiveConnection}): a client that stops reading stops the production, and what
 * waits for it in the server is a couple of frames plus one row per row of its scope.
 *
 * @param <M> the frame type (a WebSocket message; bytes in unit tests)
 */
final class LiveSession<M> {

  private final LiveMessageMapper messages;
  private final Function<byte[], M> frame;
  private final LiveConnection connection;

  // Guarded by this.
  private FluxSink<M> sink;
  private final ArrayDeque<byte[]> control = new ArrayDeque<>(2);
  private final Map<String, Row> pending = new LinkedHashMap<>();
  private Counts pendingTotals;
  private Instant pendingAt;
  private long pendingSeq;
  private long seq = -1;
  private LiveScope scope;
  private byte[] notice; // the latest unread-notifications message not yet sent
  private boolean closing;
  private boolean finished;
  private long sent;

  private volatile Caller caller;
  private volatile int closeCode;

  LiveSession(LiveMessageMapper messages, Function<byte[], M> frame) {
    this(messages, frame, LiveConnection.ALWAYS_WRITABLE);
  }

  LiveSession(LiveMessageMapper messages, Function<byte[], M> frame, LiveConnection connection) {
    this.messages = messages;
    this.frame = frame;
    this.connection = connection;
    connection.whenWritable(this::drain);
  }

  /**
   * The frames to send, produced on demand; completes after an error message or a close. Nothing is
   * ever emitted without demand, so the sink needs no queue of its own (the default, {@code
   * BUFFER}, allocates one of 256 slots per socket).
   */
  Flux<M> outbound() {
    return Flux.create(
        s -> {
          synchronized (this) {
            sink = s;
          }
          s.onRequest(n -> drain());
        },
        FluxSink.OverflowStrategy.IGNORE);
  }

  Caller caller() {
    return caller;
  }

  void authenticated(Caller who) {
    caller = who;
    enqueue(messages.ready());
  }

  /** The close code after an error, 0 if none. */
  int closeCode() {
    return closeCode;
  }

  synchronized boolean isClosing() {
    return closing || finished;
  }

  synchronized LiveScope scope() {
    return scope;
  }

  /** Switches to a new scope: figures of the old one still waiting are dropped. */
  synchronized void subscribing(LiveScope next) {
    scope = next;
    seq = -1;
    pending.clear();
  }

  /** The first message of a subscription: every row. */
  void snapshot(LiveScope of, long snapshotSeq, byte[] message) {
    synchronized (this) {
      if (!of.equals(scope) || closing) {
        return;
      }
      seq = snapshotSeq;
      control.add(message);
    }
    drain();
  }

  /**
   * Changed rows of the session's scope. Sent as is (the shared, already serialized message) when
   * the socket is free and nothing waits; otherwise merged into what waits.
   */
  void offer(LiveScope of, LiveHubWorker.Delta delta) {
    synchronized (this) {
      if (!of.equals(scope) || closing || delta.seq() <= seq || seq < 0) {
        return;
      }
      seq = delta.seq();
      if (pending.isEmpty()
          && control.isEmpty()
          && sink != null
          && sink.requestedFromDownstream() > 0
          && connection.isWritable()) {
        emit(delta.message());
        return;
      }
      for (Row row : delta.rows()) {
        pending.put(row.key(), row);
      }
      pendingTotals = delta.totals();
      pendingAt = delta.at();
      pendingSeq = delta.seq();
    }
    drain();
  }

  /**
   * The account's unread notifications changed: sent once the connection is free; a newer count
   * replaces one still waiting.
   */
  void notice(byte[] message) {
    synchronized (this) {
      if (closing || finished) {
        return;
      }
      notice = message;
    }
    drain();
  }

  /** Sends the error, then the connection closes with {@code code}; nothing else is sent. */
  void fail(String code, String message, int closeStatus) {
    synchronized (this) {
      if (closing || finished) {
        return;
      }
      closing = true;
      closeCode = closeStatus;
      pending.clear();
      control.clear();
      control.add(messages.error(code, message));
    }
    drain();
  }

  /** The client went away: stop producing. */
  void finish() {
    FluxSink<M> s;
    synchronized (this) {
      finished = true;
      pending.clear();
      control.clear();
      s = sink;
    }
    if (s != null) {
      s.complete();
    }
  }

  /** How many messages waited, per row key: at most the scope's rows (for tests). */
  synchronized int pendingRows() {
    return pending.size();
  }

  /** Messages handed to the connection so far (for tests). */
  synchronized long sent() {
    return sent;
  }

  private void enqueue(byte[] message) {
    synchronized (this) {
      if (closing || finished) {
        return;
      }
      control.add(message);
    }
    drain();
  }

  private void drain() {
    boolean complete = false;
    FluxSink<M> s;
    synchronized (this) {
      s = sink;
      if (s == null || finished) {
        return;
      }
      while (s.requestedFromDownstream() > 0) {
        // Control messages (ready, the snapshot, an error) go at once: one each per subscription.
        if (!control.isEmpty()) {
          emit(control.poll());
        } else if (!closing && notice != null && connection.isWritable()) {
          byte[] waiting = notice;
          notice = null;
          emit(waiting);
        } else if (!closing && !pending.isEmpty() && connection.isWritable()) {
          byte[] coalesced =
              messages.delta(pendingSeq, scope.level(), pending.values(), pendingTotals, pendingAt);
          pending.clear();
          emit(coalesced);
        } else {
          break;
        }
      }
      if (closing && control.isEmpty()) {
        finished = true;
        complete = true;
      }
    }
    if (complete) {
      s.complete();
    }
  }

  private void emit(byte[] message) {
    sent++;
    sink.next(frame.apply(message));
  }
}
