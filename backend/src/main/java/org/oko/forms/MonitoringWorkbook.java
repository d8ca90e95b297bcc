package org.oko.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;

/**
 * The monitoring of a form as an .xlsx written with SXSSF: one line per respondent, times in the
 * respondent's region's time zone, every text cell formula-safe.
 */
final class MonitoringWorkbook {

  static final String SHEET = "Мониторинг";
  static final String[] HEADER = {
    "Регион",
    "Муниципалитет",
    "Логин",
    "Наименование",
    "Статус",
    "Изменён",
    "Отчёт сдан",
    "Сдано версий"
  };
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private MonitoringWorkbook() {}

  static byte[] write(String formTitle, FormMonitoringStore.Result result) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);

      text(sheet.createRow(0), 0, formTitle).setCellStyle(bold);
      text(
          sheet.createRow(1),
          0,
          "Не начали: "
              + result.notStarted()
              + "; черновик: "
              + result.draft()
              + "; отчёт сдан: "
              + result.submitted());
      Row header = sheet.createRow(3);
      for (int c = 0; c < HEADER.length; c++) {
        text(header, c, HEADER[c]).setCellStyle(bold);
      }
      int r = 4;
      for (FormMonitoringStore.Line line : result.lines()) {
        Respondent respondent = line.respondent();
        Row row = sheet.createRow(r++);
        text(row, 0, respondent.regionCode());
        text(row, 1, respondent.municipalityName());
        text(row, 2, respondent.login());
        text(row, 3, respondent.name());
        text(row, 4, status(line.status()));
        text(row, 5, time(line.updatedAt(), line.zone()));
        text(row, 6, time(line.submittedAt(), line.zone()));
        row.createCell(7).setCellValue(line.submissions());
      }
      int[] widths = {8, 30, 14, 50, 14, 18, 18, 14};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String status(ResponseStatus status) {
    return switch (status) {
      case NOT_STARTED -> "Не начат";
      case DRAFT -> "Черновик";
      case SUBMITTED -> "Отчёт сдан";
    };
  }

  private static String time(Instant time, ZoneId zone) {
    return time == null ? null : time.atZone(zone).format(TIME);
  }

  private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String value) {
    var cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(FormulaSafe.text(value));
    }
    return cell;
  }
}
