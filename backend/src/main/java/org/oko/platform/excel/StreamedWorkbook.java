package org.oko.platform.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * An {@code .xlsx} written while its rows are read, so that a download of any size starts at once
 * and holds a constant amount of memory (issue 23, "Bulk exports of any size"): fastexcel writes
 * the zip as it goes (strings inline, no shared-string table that grows with the rows), and
 * Spring's output-stream publisher hands each written chunk to the response only as fast as the
 * client takes it. A sheet holds at most 1 048 575 rows under its header; the rows after continue
 * on a new sheet with the same header («Ответы (2)»).
 */
public final class StreamedWorkbook {

  /** Excel's rows per sheet, less the header row. */
  public static final int ROWS_PER_SHEET = 1_048_575;

  /** The longest text a cell may hold. */
  public static final int CELL_MAX = 32_767;

  /** Pending rows are pushed out of fastexcel's buffer this often. */
  private static final int FLUSH_EVERY = 500;

  private static final Executor WRITERS =
      runnable -> Schedulers.boundedElastic().schedule(runnable);

  private StreamedWorkbook() {}

  /**
   * The workbook of {@code rows} (cells: {@link Number}, text, or null for empty) under a bold
   * frozen {@code header}, as the chunks of the file. The rows are read on a worker thread.
   */
  public static Flux<DataBuffer> of(
      String sheetName, List<String> header, Flux<List<Object>> rows, DataBufferFactory buffers) {
    return of(sheetName, header, rows, buffers, ROWS_PER_SHEET);
  }

  /** As {@link #of(String, List, Flux, DataBufferFactory)}, with fewer rows per sheet (tests). */
  public static Flux<DataBuffer> of(
      String sheetName,
      List<String> header,
      Flux<List<Object>> rows,
      DataBufferFactory buffers,
      int rowsPerSheet) {
    return Flux.from(
        DataBufferUtils.outputStreamPublisher(
            out -> write(out, sheetName, header, rows, rowsPerSheet), buffers, WRITERS));
  }

  private static void write(
      OutputStream out,
      String sheetName,
      List<String> header,
      Flux<List<Object>> rows,
      int rowsPerSheet) {
    try {
      Workbook workbook = new Workbook(out, "OKO", "1.0");
      int sheets = 1;
      Worksheet sheet = start(workbook, sheetName, header);
      // The header leaves at once, before the first row is read: a download whose rows wait for
      // the database's sort is not silent.
      sheet.flush();
      out.flush();
      int row = 0;
      for (List<Object> cells : rows.toIterable(256)) {
        if (row == rowsPerSheet) {
          sheet.finish();
          sheets++;
          sheet = start(workbook, sheetName + " (" + sheets + ")", header);
          row = 0;
        }
        row++;
        put(sheet, row, cells);
        if (row % FLUSH_EVERY == 0) {
          sheet.flush();
        }
      }
      sheet.finish();
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Worksheet start(Workbook workbook, String name, List<String> header) {
    Worksheet sheet = workbook.newWorksheet(name);
    for (int c = 0; c < header.size(); c++) {
      sheet.inlineString(0, c, header.get(c));
      // wide enough for the header's words, wrapped on two or three lines
      sheet.width(c, Math.min(40, Math.max(12, header.get(c).length() / 2 + 4)));
    }
    sheet.range(0, 0, 0, Math.max(0, header.size() - 1)).style().bold().wrapText(true).set();
    sheet.freezePane(0, 1);
    return sheet;
  }

  private static void put(Worksheet sheet, int row, List<Object> cells) {
    for (int c = 0; c < cells.size(); c++) {
      Object value = cells.get(c);
      if (value instanceof Number n) {
        sheet.value(row, c, n);
      } else if (value != null) {
        String text = FormulaSafe.text(value.toString());
        sheet.inlineString(row, c, text.length() > CELL_MAX ? text.substring(0, CELL_MAX) : text);
      }
    }
  }
}
