package org.oko.observers;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.PrintLayout;

/** The register (реестр) of acts with violations that goes with their scans to the region. */
final class ActRegisterWorkbook {

  static final String[] TITLES = {
    "№",
    "Муниципалитет",
    "Пункт (логин)",
    "Пункт",
    "Дата",
    "Наблюдатель",
    "Вид",
    "Нарушения (из акта)",
    "Заключение координатора",
    "Файл скана"
  };

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private ActRegisterWorkbook() {}

  /**
   * Writes the register; {@code scanNames} gives each act's entry name in the archive (or null).
   */
  static void write(List<ActInfo> acts, List<String> scanNames, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("Реестр актов");
      CellStyle bold = ReferralWorkbook.bold(workbook);
      Row head = sheet.createRow(0);
      int[] widths = {6, 26, 14, 40, 12, 32, 14, 50, 40, 30};
      for (int i = 0; i < TITLES.length; i++) {
        head.createCell(i).setCellValue(TITLES[i]);
        head.getCell(i).setCellStyle(bold);
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      for (int i = 0; i < acts.size(); i++) {
        ActInfo act = acts.get(i);
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(i + 1);
        row.createCell(1)
            .setCellValue(
                FormulaSafe.text(
                    act.point().municipalityName() == null
                        ? "без муниципалитета"
                        : act.point().municipalityName()));
        row.createCell(2).setCellValue(act.point().login());
        row.createCell(3).setCellValue(FormulaSafe.text(act.point().name()));
        row.createCell(4).setCellValue(DAY.format(act.day()));
        row.createCell(5).setCellValue(FormulaSafe.text(act.observerName()));
        row.createCell(6).setCellValue(ReferralWorkbook.kind(act.observerKind()));
        row.createCell(7).setCellValue(FormulaSafe.text(nz(act.violations())));
        row.createCell(8).setCellValue(FormulaSafe.text(nz(act.reviewComment())));
        row.createCell(9).setCellValue(scanNames.get(i) == null ? "нет скана" : scanNames.get(i));
      }
      PrintLayout.table(sheet, 0, 0);
      workbook.write(org.apache.commons.io.output.CloseShieldOutputStream.wrap(out));
    }
  }

  static String localDay(java.time.Instant instant, String zone) {
    return DAY.format(instant.atZone(ZoneId.of(zone)));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
