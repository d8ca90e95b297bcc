package org.oko.platform.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A small workbook written whole with POI's streaming SXSSF and answered as bytes (templates,
 * one-time lists): the write, the deletion of SXSSF's temporary files, and the bold style every
 * titles row uses. Downloads of any size stream instead ({@link StreamedWorkbook}).
 *
 * <p>Blocking CPU work: call it on {@code Schedulers.boundedElastic()}.
 */
public final class WorkbookBytes {

  private WorkbookBytes() {}

  /**
   * The bytes of the workbook {@code content} fills, its temporary files deleted.
   *
   * @param window rows kept in memory per sheet
   */
  public static byte[] write(int window, Consumer<SXSSFWorkbook> content) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(window);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      content.accept(workbook);
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The styles of a printed document's sheet (protocol 1, the codes protocol): its bold font, bold
   * text for titles and labels, and the titles of its table — bold, wrapped, a thin line under.
   */
  public record Styles(Font boldFont, CellStyle bold, CellStyle titles) {

    public static Styles of(Workbook workbook) {
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      CellStyle bold = workbook.createCellStyle();
      bold.setFont(boldFont);
      CellStyle titles = workbook.createCellStyle();
      titles.setFont(boldFont);
      titles.setWrapText(true);
      titles.setBorderBottom(BorderStyle.THIN);
      return new Styles(boldFont, bold, titles);
    }
  }

  /** A bold cell style of {@code workbook}. */
  public static CellStyle bold(Workbook workbook) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    return bold;
  }
}
