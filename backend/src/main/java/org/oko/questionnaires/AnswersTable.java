package org.oko.questionnaires;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;

/** Where the rows of {@link AnswersWorkbook} go, one at a time, on a worker thread. */
interface AnswersTable {
  void row(List<Object> cells, boolean header);

  void finish();

  void close();

  /** A workbook whose rows are flushed to disk as they come (SXSSF keeps 100 in memory). */
  static final class XlsxTable implements AnswersTable {
    private final Path file;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final SXSSFSheet sheet = workbook.createSheet(AnswersWorkbook.SHEET);
    private final CellStyle bold;
    private int next;

    XlsxTable(Path file) {
      this.file = file;
      bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      bold.setWrapText(true);
    }

    @Override
    public void row(List<Object> cells, boolean header) {
      Row row = sheet.createRow(next++);
      for (int c = 0; c < cells.size(); c++) {
        Object value = cells.get(c);
        if (value == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else {
          String text = FormulaSafe.text(value.toString());
          cell.setCellValue(
              text.length() > AnswersWorkbook.CELL_MAX
                  ? text.substring(0, AnswersWorkbook.CELL_MAX)
                  : text);
        }
        if (header) {
          cell.setCellStyle(bold);
        }
      }
      if (header) {
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < cells.size(); c++) {
          sheet.setColumnWidth(c, (c < AnswersWorkbook.FIXED.size() ? 16 : 30) * 256);
        }
      }
    }

    @Override
    public void finish() {
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        workbook.close();
      } catch (IOException e) {
        // nothing left to do: the temporary files of SXSSF are removed below
      }
      workbook.dispose();
    }
  }

  /** CSV for Excel: UTF-8 with a BOM, {@code ;} between cells, CRLF between rows. */
  static final class CsvTable implements AnswersTable {
    private final Writer out;

    CsvTable(Path file) throws IOException {
      BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      this.out = writer;
    }

    @Override
    public void row(List<Object> cells, boolean header) {
      try {
        for (int c = 0; c < cells.size(); c++) {
          if (c > 0) {
            out.write(';');
          }
          Object value = cells.get(c);
          if (value != null) {
            out.write(
                value instanceof Number n ? number(n) : quoted(FormulaSafe.text(value.toString())));
          }
        }
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A number as Russian Excel reads it: a decimal comma. */
    static String number(Number n) {
      String text = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
      if (n instanceof Double || n instanceof Float) {
        Long whole = AnswerValueRules.whole(n);
        text =
            whole != null ? whole.toString() : BigDecimal.valueOf(n.doubleValue()).toPlainString();
      }
      return text.replace('.', ',');
    }

    /** RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
    static String quoted(String text) {
      boolean quote = false;
      for (int i = 0; i < text.length() && !quote; i++) {
        char ch = text.charAt(i);
        quote = ch == ';' || ch == '"' || ch == '\n' || ch == '\r';
      }
      return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public void finish() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        // already flushed when finished; a failure on an error path changes nothing
      }
    }
  }
}
