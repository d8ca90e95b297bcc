package org.oko.observers;

import java.io.ByteArrayOutputStream;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
    "Файл скана",
    "Сдан (время пункта)",
    "С опозданием"
  };

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private ActRegisterWorkbook() {}

  /**
   * Writes the register; {@code scanNames} gives each act's entry name in the archive (or null).
   */
  static void write(List<ActInfo> acts, List<String> scanNames, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      register(workbook, acts, scanNames);
      workbook.write(org.apache.commons.io.output.CloseShieldOutputStream.wrap(out));
    }
  }

  /**
   * What the region passes to its education authority (seed 000): the hand-over on the first sheet
   * (to whom, by which letter, when, by whom, on time or late), the register of its acts with
   * violations on the second (scans named by their file names).
   */
  static Mono<byte[]> forAuthority(RegionHandover handover, List<ActInfo> acts) {
    return Mono.fromCallable(
            () -> {
              try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                  ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                cover(workbook, handover);
                register(
                    workbook,
                    acts,
                    acts.stream().map(a -> a.scan() == null ? null : a.scan().fileName()).toList());
                workbook.write(out);
                return out.toByteArray();
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static void cover(SXSSFWorkbook workbook, RegionHandover h) {
    Sheet sheet = workbook.createSheet("Передача в ОИВ");
    CellStyle bold = ReferralWorkbook.bold(workbook);
    String zone = h.timeZone();
    String[][] lines = {
      {"Сведения о нарушениях процедуры (служебные записки и акты наблюдателей)", ""},
      {"Регион", h.regionCode() + " " + h.regionName()},
      {"Передано в ОИВ", h.handedAt() == null ? "не передано" : FormulaSafe.text(h.authority())},
      {"Реквизиты письма", h.reference() == null ? "" : FormulaSafe.text(h.reference())},
      {"Дата и время передачи", h.handedAt() == null ? "" : local(h.handedAt(), zone)},
      {"Передал", h.handedBy() == null ? "" : h.handedBy()},
      {"Срок", h.deadline() == null ? "не задан" : local(h.deadline(), zone)},
      {"С опозданием", h.late() ? (h.handedAt() == null ? "срок прошёл" : "да") : "нет"},
      {"Актов с нарушениями", String.valueOf(h.acts() == null ? h.actsWithViolations() : h.acts())},
      {"Пунктов", h.points() == null ? "" : String.valueOf(h.points())},
      {"Муниципалитетов", h.municipalities() == null ? "" : String.valueOf(h.municipalities())}
    };
    for (int i = 0; i < lines.length; i++) {
      Row row = sheet.createRow(i);
      row.createCell(0).setCellValue(lines[i][0]);
      row.getCell(0).setCellStyle(bold);
      row.createCell(1).setCellValue(lines[i][1]);
    }
    sheet.setColumnWidth(0, 34 * 256);
    sheet.setColumnWidth(1, 70 * 256);
  }

  private static void register(SXSSFWorkbook workbook, List<ActInfo> acts, List<String> scanNames) {
    Sheet sheet = workbook.createSheet("Реестр актов");
    CellStyle bold = ReferralWorkbook.bold(workbook);
    Row head = sheet.createRow(0);
    int[] widths = {6, 26, 14, 40, 12, 32, 14, 50, 40, 30, 18, 34};
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
      row.createCell(9)
          .setCellValue(
              scanNames.get(i) == null ? "нет скана" : FormulaSafe.text(scanNames.get(i)));
      row.createCell(10).setCellValue(submitted(act));
      row.createCell(11).setCellValue(late(act));
    }
    PrintLayout.table(sheet, 0, 0);
  }

  static String localDay(java.time.Instant instant, String zone) {
    return DAY.format(instant.atZone(ZoneId.of(zone)));
  }

  /** When the act was submitted, in the point's region's time (the zone is named in the title). */
  private static String submitted(ActInfo act) {
    return act.submittedAt() == null ? "" : local(act.submittedAt(), act.timeZone());
  }

  /** «с опозданием» with the deadline it missed (seed 003 11.2–11.3), or «нет». */
  static String late(ActInfo act) {
    if (!act.late()) {
      return "нет";
    }
    return act.deadline() == null
        ? "с опозданием"
        : "с опозданием (срок " + local(act.deadline(), act.timeZone()) + ")";
  }

  /** «05.12.2026 14:30 (Саратов)»: the time in the zone, the zone named by its city. */
  static String local(java.time.Instant instant, String zone) {
    return MINUTE.format(instant.atZone(ZoneId.of(zone))) + " (" + city(zone) + ")";
  }

  /** The city a Russian zone is named by (as the SPA names it); another zone as it is. */
  static String city(String zone) {
    return org.oko.platform.time.ZoneCities.city(zone);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
