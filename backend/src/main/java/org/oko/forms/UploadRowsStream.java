package org.oko.forms;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * A staged template's rows on their way into {@code COPY} (issue 24): the file is read on a {@code
 * boundedElastic} thread as COPY asks for text, each checked row becoming a line of COPY's text
 * format, {@value #ROWS_PER_BUFFER} to a buffer, so that neither the sheet nor its text is ever
 * held whole — only what the sheet's rules need (unique values, codes, logins). Once a problem is
 * found no more rows are sent (the file will be refused), but reading goes on to name every problem
 * of the file. After the text has ended, {@link #requireClean} says whether the rows written may
 * stay; {@link #counts()} how many each sheet has.
 */
final class UploadRowsStream {

  static final int ROWS_PER_BUFFER = 500;

  private final Path file;
  private final ResponseTarget target;
  private final WorkbookReader.Limits limits;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private volatile TemplateWorkbookReader reader;
  private volatile RuntimeException failure;

  UploadRowsStream(Path file, ResponseTarget target, WorkbookReader.Limits limits) {
    this.file = file;
    this.target = target;
    this.limits = limits;
    target.schema().sheets().forEach(sheet -> counts.put(sheet.key(), 0));
  }

  /**
   * The rows as COPY text for columns (response_id, sheet, position, cells, valid_from), read from
   * the file once subscribed, as fast as the database takes them. Ends normally even when the file
   * has problems or cannot be read: {@link #requireClean} tells.
   */
  Flux<ByteBuf> text(long responseId, int gen) {
    return Flux.<ByteBuf>create(
        sink -> {
          Demand demand = new Demand();
          sink.onRequest(demand::add);
          sink.onDispose(demand::cancel);
          Schedulers.boundedElastic().schedule(() -> read(sink, demand, responseId, gen));
        },
        FluxSink.OverflowStrategy.BUFFER);
  }

  private void read(FluxSink<ByteBuf> sink, Demand demand, long responseId, int gen) {
    ByteBuf[] text = {newBuffer()};
    // Sheets are read one after the other: each sheet's line parts are encoded once, when it
    // starts.
    SheetSpec[] sheetOf = {null};
    RowsCopyText.Lines[] lines = {null};
    int[] rows = {0};
    try {
      reader =
          TemplateWorkbookReader.read(
              file,
              target.schema(),
              target.signature(),
              target.prefill(),
              limits,
              (sheet, values, clean) -> {
                int position = counts.merge(sheet.key(), 1, Integer::sum);
                if (!clean) {
                  return; // the file will be refused: its rows need not travel
                }
                if (sheetOf[0] != sheet) {
                  sheetOf[0] = sheet;
                  lines[0] = new RowsCopyText.Lines(responseId, gen, sheet);
                }
                lines[0].append(text[0], position, values);
                if (++rows[0] == ROWS_PER_BUFFER) {
                  send(sink, demand, text[0]);
                  text[0] = newBuffer();
                  rows[0] = 0;
                }
              });
      if (rows[0] > 0 && reader.problems().isEmpty()) {
        send(sink, demand, text[0]);
      }
    } catch (Demand.Cancelled e) {
      return; // the transaction is gone: nobody waits for the rest
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      sink.error(e);
      return;
    }
    sink.complete();
  }

  private static void send(FluxSink<ByteBuf> sink, Demand demand, ByteBuf text) {
    demand.take();
    sink.next(text);
  }

  /**
   * A heap buffer for a batch of lines (the connection releases it once written), large enough for
   * 500 rows of a results protocol with 20 tasks without growing.
   */
  private static ByteBuf newBuffer() {
    return Unpooled.buffer(ROWS_PER_BUFFER * 256);
  }

  /**
   * After the text has ended: a 422 naming every problem of the file (logins and participant codes
   * checked against {@code known} and {@code issued}), or nothing when its rows may stay.
   */
  void requireClean(Set<String> known, Optional<Set<String>> issued) {
    if (failure instanceof UnreadableWorkbookException e) {
      throw new UnprocessableException(
          e.getMessage(), List.of(FieldProblem.of(null, e.getMessage())));
    }
    if (failure != null) {
      throw failure;
    }
    if (reader.refused()) {
      throw reader.problems().toException("Файл не принят");
    }
    reader.rejectUnknownLogins(known);
    issued.ifPresent(reader::rejectUnissuedCodes);
    if (!reader.problems().isEmpty()) {
      throw reader.problems().toException("Файл не загружен");
    }
  }

  /** The organization logins typed in the file, to be looked up (empty when it was not read). */
  Set<String> logins() {
    return reader == null || failure != null ? Set.of() : reader.logins();
  }

  /** Rows per sheet key, in the form's order. */
  Map<String, Integer> counts() {
    return counts;
  }

  /**
   * What COPY has asked for and not yet received; the reading thread waits here, so a slow database
   * holds the reader back instead of the text piling up in memory.
   */
  private static final class Demand {

    static final class Cancelled extends RuntimeException {
      Cancelled() {
        super("COPY cancelled", null, false, false);
      }
    }

    private long requested;
    private boolean cancelled;

    synchronized void add(long n) {
      requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
      notifyAll();
    }

    synchronized void cancel() {
      cancelled = true;
      notifyAll();
    }

    synchronized void take() {
      while (requested == 0 && !cancelled) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Cancelled();
        }
      }
      if (cancelled) {
        throw new Cancelled();
      }
      if (requested != Long.MAX_VALUE) {
        requested--;
      }
    }
  }
}
