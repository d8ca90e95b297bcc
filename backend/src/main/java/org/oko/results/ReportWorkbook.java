package org.oko.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.results.ReportViews.LevelFigures;
import org.oko.results.ReportViews.SubjectReport;
import org.oko.results.ReportViews.UnitRow;
import org.oko.results.ReportViews.UnitTable;

/**
 * Every report of a unit as one .xlsx (SXSSF): a sheet per report, the unit against the levels
 * above in columns; the table of units below for coordinators (with the flags for those who may
 * read them); individual results for an organization. Text cells are formula-safe; sheets print
 * landscape on A4, one page wide.
 */
final class ReportWorkbook {

  static final String[] GRADES = {"«2»", "«3»", "«4»", "«5»"};

  private ReportWorkbook() {}

  static byte[] write(
      SubjectReport report, UnitTable units, List<Participant> participants, boolean flags) {
    Subject s = report.subject();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      List<LevelFigures> levels = report.levels();

      // 1. grades
      Sheet grades = sheet(wb, "1. Отметки");
      title(grades, bold, "Статистика по отметкам: " + s.name() + " — " + report.unit().name());
      Row h = grades.createRow(2);
      text(h, 0, "Единица").setCellStyle(bold);
      text(h, 1, "Участников").setCellStyle(bold);
      for (int g = 0; g < 4; g++) {
        text(h, 2 + g, GRADES[g] + ", %").setCellStyle(bold);
      }
      text(h, 6, "Средний балл").setCellStyle(bold);
      int r = 3;
      for (LevelFigures l : levels) {
        Row row = grades.createRow(r++);
        text(row, 0, l.unit().name());
        row.createCell(1).setCellValue(l.tally().participants());
        List<Double> shares = ReportRules.gradeShares(l.tally(), s);
        for (int g = 0; g < shares.size(); g++) {
          row.createCell(2 + g).setCellValue(shares.get(g));
        }
        row.createCell(6).setCellValue(ReportRules.round(l.tally().meanScore()));
      }
      if (s.boundaries() == null) {
        text(grades.createRow(r + 1), 0, "Шкала перевода баллов в отметки ещё не задана");
      }

      // 2. histogram
      Sheet hist = sheet(wb, "2. Баллы");
      title(hist, bold, "Распределение первичных баллов, % участников");
      Row hh = hist.createRow(2);
      text(hh, 0, "Балл").setCellStyle(bold);
      for (int i = 0; i < levels.size(); i++) {
        text(hh, 1 + i, levels.get(i).unit().name()).setCellStyle(bold);
      }
      for (int score = 0; score <= s.maxScore(); score++) {
        Row row = hist.createRow(3 + score);
        row.createCell(0).setCellValue(score);
        for (int i = 0; i < levels.size(); i++) {
          row.createCell(1 + i)
              .setCellValue(ReportRules.histogram(levels.get(i).tally(), s).get(score));
        }
      }

      // 3. tasks
      Sheet tasks = sheet(wb, "3. Задания");
      title(tasks, bold, "Выполнение заданий, % (средний балл ÷ максимум)");
      Row th = tasks.createRow(2);
      text(th, 0, "Задание").setCellStyle(bold);
      text(th, 1, "Максимум").setCellStyle(bold);
      for (int i = 0; i < levels.size(); i++) {
        text(th, 2 + i, levels.get(i).unit().name()).setCellStyle(bold);
      }
      int col = 2 + levels.size();
      for (int g = 0; g < 4; g++) {
        text(th, col + g, report.unit().name() + ": группа " + GRADES[g]).setCellStyle(bold);
      }
      List<List<Double>> byGrade = ReportRules.taskSuccessByGrade(levels.get(0).tally(), s);
      for (int t = 0; t < s.tasks(); t++) {
        Row row = tasks.createRow(3 + t);
        text(row, 0, s.taskLabels().get(t));
        row.createCell(1).setCellValue(s.taskMax()[t]);
        for (int i = 0; i < levels.size(); i++) {
          row.createCell(2 + i)
              .setCellValue(ReportRules.taskSuccess(levels.get(i).tally(), s).get(t));
        }
        for (int g = 0; g < 4; g++) {
          row.createCell(col + g).setCellValue(byGrade.get(g).get(t));
        }
      }

      // 4. journal
      Sheet journal = sheet(wb, "4. Журнал");
      title(journal, bold, "Сравнение отметок за ВПР с отметками по журналу");
      Row jh = journal.createRow(2);
      String[] jt = {"Единица", "Сравнено", "Понизили", "Подтвердили", "Повысили"};
      for (int i = 0; i < jt.length; i++) {
        text(jh, i, jt[i]).setCellStyle(bold);
      }
      r = 3;
      for (LevelFigures l : levels) {
        int[] j = l.tally().journal();
        Row row = journal.createRow(r++);
        text(row, 0, l.unit().name());
        row.createCell(1).setCellValue(j[0] + j[1] + j[2]);
        row.createCell(2).setCellValue(j[0]);
        row.createCell(3).setCellValue(j[1]);
        row.createCell(4).setCellValue(j[2]);
      }

      // 5. individual results
      if (participants != null) {
        Sheet ind = sheet(wb, "5. Участники");
        title(ind, bold, "Индивидуальные результаты (коды участников)");
        Row ih = ind.createRow(2);
        text(ih, 0, "Код").setCellStyle(bold);
        text(ih, 1, "Класс").setCellStyle(bold);
        text(ih, 2, "Вариант").setCellStyle(bold);
        for (int t = 0; t < s.tasks(); t++) {
          text(ih, 3 + t, s.taskLabels().get(t)).setCellStyle(bold);
        }
        text(ih, 3 + s.tasks(), "Первичный балл").setCellStyle(bold);
        text(ih, 4 + s.tasks(), "Отметка").setCellStyle(bold);
        text(ih, 5 + s.tasks(), "Отметка по журналу").setCellStyle(bold);
        r = 3;
        for (Participant p : participants) {
          Row row = ind.createRow(r++);
          text(row, 0, p.code());
          text(row, 1, p.classLetter());
          if (p.variant() != null) {
            row.createCell(2).setCellValue(p.variant());
          }
          for (int t = 0; t < p.scores().length; t++) {
            row.createCell(3 + t).setCellValue(p.scores()[t]);
          }
          row.createCell(3 + s.tasks()).setCellValue(p.total());
          if (p.grade() != null) {
            row.createCell(4 + s.tasks()).setCellValue(p.grade());
          }
          if (p.journalGrade() != null) {
            row.createCell(5 + s.tasks()).setCellValue(p.journalGrade());
          }
        }
      }

      // 6. units below
      if (units != null) {
        Sheet table = sheet(wb, "6. Единицы");
        title(table, bold, "Результаты единиц: " + units.parent().name());
        Row uh = table.createRow(2);
        String[] ut = {
          "Единица",
          "Логин",
          "Муниципалитет",
          "Участников",
          "«2», %",
          "«3», %",
          "«4», %",
          "«5», %",
          "Средний балл",
          "Выполнение, %",
          flags ? "Признаки необъективности" : ""
        };
        for (int i = 0; i < ut.length; i++) {
          text(uh, i, ut[i]).setCellStyle(bold);
        }
        r = 3;
        for (UnitRow u : units.rows()) {
          Row row = table.createRow(r++);
          text(row, 0, u.unit().name());
          text(row, 1, u.unit().login());
          text(row, 2, u.unit().municipalityName());
          row.createCell(3).setCellValue(u.tally().participants());
          List<Double> shares = ReportRules.gradeShares(u.tally(), s);
          for (int g = 0; g < shares.size(); g++) {
            row.createCell(4 + g).setCellValue(shares.get(g));
          }
          row.createCell(8).setCellValue(ReportRules.round(u.tally().meanScore()));
          row.createCell(9).setCellValue(ReportRules.meanSuccess(u.tally(), s));
          if (flags) {
            text(
                row,
                10,
                u.unit().level() == Level.ORGANIZATION
                    ? String.join(", ", u.flags().stream().map(FlagTitles::of).toList())
                    : "ОО с признаками: " + u.flaggedOrganizations());
          }
        }
      }

      wb.write(out);
      wb.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sheet sheet(SXSSFWorkbook wb, String name) {
    Sheet sheet = wb.createSheet(name);
    sheet.setColumnWidth(0, 40 * 256);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    return sheet;
  }

  private static void title(Sheet sheet, CellStyle bold, String title) {
    text(sheet.createRow(0), 0, title).setCellStyle(bold);
  }

  private static org.apache.poi.ss.usermodel.Cell text(Row row, int col, String value) {
    org.apache.poi.ss.usermodel.Cell cell = row.createCell(col);
    if (value != null) {
      cell.setCellValue(FormulaSafe.text(value));
    }
    return cell;
  }

  /** Short Russian names of the flags, for the table. */
  static final class FlagTitles {
    private FlagTitles() {}

    static String of(FlagCode code) {
      return switch (code) {
        case HIGH_RESULTS -> "высокие результаты";
        case BOUNDARY_SPIKES -> "всплески на границах";
        case TASK_DIFFICULTY -> "трудные лучше лёгких";
        case IDENTICAL_VECTORS -> "одинаковые работы";
        case JOURNAL_MISMATCH -> "выше журнала";
        case REPEATED -> "повторно";
      };
    }
  }
}
