package org.oko.publications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookBytes;

/**
 * «Кто скачал» as an .xlsx (issue 21: every other monitoring list has an Excel export): the totals,
 * then one line per organization with its downloads, their first and last time in the
 * organization's region's local time and the city that time is of; every text cell formula-safe.
 */
final class DownloadsWorkbook {

  static final String SHEET = "Кто скачал";
  static final String[] HEADER = {
    "Регион",
    "Муниципалитет",
    "Логин",
    "Наименование",
    "Скачиваний",
    "Первое скачивание",
    "Последнее скачивание",
    "Время по"
  };
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private DownloadsWorkbook() {}

  static byte[] write(DownloadsReportStore.Report report) {
    return WorkbookBytes.write(200, workbook -> fill(workbook, report));
  }

  private static void fill(SXSSFWorkbook workbook, DownloadsReportStore.Report report) {
    Sheet sheet = workbook.createSheet(SHEET);
    CellStyle bold = WorkbookBytes.bold(workbook);

    text(sheet.createRow(0), 0, "Кто скачал: " + report.title()).setCellStyle(bold);
    text(
        sheet.createRow(1),
        0,
        "Организаций: "
            + report.audience()
            + "; скачали: "
            + report.downloaded()
            + "; не скачали: "
            + (report.audience() - report.downloaded())
            + "; в этом списке: "
            + report.listing().total());
    Row header = sheet.createRow(3);
    for (int c = 0; c < HEADER.length; c++) {
      text(header, c, HEADER[c]).setCellStyle(bold);
    }
    int r = 4;
    for (DownloadsReportStore.Line line : report.listing().items()) {
      Row row = sheet.createRow(r++);
      text(row, 0, line.organization().regionCode());
      text(row, 1, line.organization().municipalityName());
      text(row, 2, line.organization().login());
      text(row, 3, line.organization().name());
      row.createCell(4).setCellValue(line.downloads());
      text(row, 5, time(line.firstAt(), line.zone()));
      text(row, 6, time(line.lastAt(), line.zone()));
      text(row, 7, city(line.zone()));
    }
    int[] widths = {8, 30, 14, 50, 12, 20, 20, 16};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }

  /** "Europe/Saratov" → «Саратов»; a zone without a known city by its id. */
  static String city(ZoneId zone) {
    return org.oko.platform.time.ZoneCities.city(zone);
  }

  private static String time(Instant time, ZoneId zone) {
    return time == null ? null : time.atZone(zone).format(TIME);
  }

  private static Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(FormulaSafe.text(value));
    }
    return cell;
  }
}
