package org.oko.platform.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet of strips to print and cut, one for each participant (seed 001, figure 7: protocol 1's
 * «Для анкетирования»; seed 004, 6.13.2: the codes protocol's «Коды для разрезания»): a strip is
 * one row whose cells stand between dashed lines, an empty row after it leaves room for the
 * scissors, and the sheet prints on landscape A4 as wide as the page, without gridlines, so that
 * only the cut lines show.
 */
public final class CutStrips {

  /** The empty row after each strip, in points: room to cut between two dashed lines. */
  private static final float GAP = 18;

  /** The cells of a strip: a label in bold and a value, both between the dashed cut lines. */
  public record Styles(CellStyle label, CellStyle value) {

    /** The styles in {@code workbook}, the label's font {@code bold}. */
    public static Styles of(Workbook workbook, Font bold) {
      CellStyle label = dashed(workbook);
      label.setFont(bold);
      return new Styles(label, dashed(workbook));
    }

    private static CellStyle dashed(Workbook workbook) {
      CellStyle style = workbook.createCellStyle();
      style.setBorderTop(BorderStyle.DASHED);
      style.setBorderBottom(BorderStyle.DASHED);
      return style;
    }
  }

  /** What one strip says: its cells on {@code row}, for the {@code index}-th item (0-based). */
  @FunctionalInterface
  public interface Strip<T> {
    void fill(Row row, T item, int index);
  }

  private CutStrips() {}

  /**
   * A strip for each item from row 1 on (rows 1, 3, 5, … 1-based), {@code height} points tall, and
   * the sheet set up to print them.
   *
   * @param widths each column's width in characters, from column A on
   */
  public static <T> void write(
      Sheet sheet, List<T> items, float height, int[] widths, Strip<T> strip) {
    int r = 0;
    for (int i = 0; i < items.size(); i++) {
      Row row = sheet.createRow(r);
      row.setHeightInPoints(height);
      strip.fill(row, items.get(i), i);
      sheet.createRow(r + 1).setHeightInPoints(GAP);
      r += 2;
    }
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    sheet.setDisplayGridlines(false);
    sheet.setPrintGridlines(false);
    sheet.setAutobreaks(true);
    sheet.setFitToPage(true);
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0); // 0: as many pages tall as the strips need
  }
}
