package org.oko.observers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.PrintLayout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Referrals (направления) to print and sign: one assignment as a referral with the campaign, the
 * observer, the point and its address, the day, what is observed and who assigned; several as a
 * list with a line to sign each.
 */
final class ReferralWorkbook {

  static final String[] LIST_TITLES = {
    "№", "Наблюдатель", "Вид", "Пункт (логин)", "Адрес", "Дата", "Наблюдает", "Назначил", "Подпись"
  };

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private ReferralWorkbook() {}

  /** One assignment's referral. */
  static Mono<byte[]> referral(AssignmentInfo assignment) {
    return Mono.fromCallable(() -> card(assignment)).subscribeOn(Schedulers.boundedElastic());
  }

  /** The list of referrals, one row each, with a column to sign. */
  static Mono<byte[]> list(List<AssignmentInfo> assignments) {
    return Mono.fromCallable(() -> table(assignments)).subscribeOn(Schedulers.boundedElastic());
  }

  static String kind(ObserverInfo.Kind kind) {
    return kind == ObserverInfo.Kind.PUBLIC ? "общественный" : "независимый";
  }

  static String activity(AssignmentInfo.Activity activity) {
    return activity == AssignmentInfo.Activity.CONDUCT ? "проведение работы" : "проверку работ";
  }

  private static byte[] card(AssignmentInfo a) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(50)) {
      Sheet sheet = workbook.createSheet("Направление");
      sheet.setColumnWidth(0, 30 * 256);
      sheet.setColumnWidth(1, 70 * 256);
      CellStyle bold = bold(workbook);
      int r = 0;
      Row title = sheet.createRow(r++);
      title.createCell(0).setCellValue("НАПРАВЛЕНИЕ № " + a.id());
      title.getCell(0).setCellStyle(bold);
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue(
              FormulaSafe.text(
                  kind(a.observerKind())
                      + " наблюдатель направляется на "
                      + activity(a.activity())));
      r++;
      String[][] lines = {
        {"Кампания", a.campaignTitle()},
        {"Наблюдатель", a.observerName()},
        {"Вид наблюдателя", kind(a.observerKind())},
        {"Пункт", a.point().name() + " (" + a.point().login() + ")"},
        {
          "Муниципалитет", a.point().municipalityName() == null ? "—" : a.point().municipalityName()
        },
        {"Адрес", a.address() == null || a.address().isBlank() ? "—" : a.address()},
        {"Дата", DAY.format(a.day())},
        {"Наблюдает", activity(a.activity())},
        {"Назначил (координатор)", a.assignedBy()},
      };
      for (String[] line : lines) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(line[0]);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(FormulaSafe.text(line[1]));
      }
      r++;
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue("Координатор: ____________________ / подпись");
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue("Наблюдатель: ____________________ / подпись");
      sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 1);
      return bytes(workbook);
    }
  }

  private static byte[] table(List<AssignmentInfo> assignments) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("Направления");
      CellStyle bold = bold(workbook);
      Row head = sheet.createRow(0);
      int[] widths = {6, 36, 14, 40, 40, 12, 20, 18, 16};
      for (int i = 0; i < LIST_TITLES.length; i++) {
        head.createCell(i).setCellValue(LIST_TITLES[i]);
        head.getCell(i).setCellStyle(bold);
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      int r = 1;
      for (AssignmentInfo a : assignments) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(r);
        row.createCell(1).setCellValue(FormulaSafe.text(a.observerName()));
        row.createCell(2).setCellValue(kind(a.observerKind()));
        row.createCell(3)
            .setCellValue(FormulaSafe.text(a.point().name() + " (" + a.point().login() + ")"));
        row.createCell(4).setCellValue(FormulaSafe.text(a.address()));
        row.createCell(5).setCellValue(DAY.format(a.day()));
        row.createCell(6).setCellValue(activity(a.activity()));
        row.createCell(7).setCellValue(FormulaSafe.text(a.assignedBy()));
        r++;
      }
      PrintLayout.table(sheet, 0, 0);
      return bytes(workbook);
    }
  }

  static CellStyle bold(Workbook workbook) {
    Font font = workbook.createFont();
    font.setBold(true);
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    return style;
  }

  static byte[] bytes(SXSSFWorkbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    workbook.close();
    return out.toByteArray();
  }
}
