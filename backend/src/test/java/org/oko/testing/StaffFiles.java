package org.oko.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A filled staff register (sheet «Работники», seed 000), written as a user's Excel would. */
public final class StaffFiles {

  public static final String[] TITLES = {
    "Организация (логин)",
    "Наименование организации",
    "Должность в исследовании",
    "ФИО",
    "Мобильный телефон",
    "Электронная почта"
  };

  private StaffFiles() {}

  /** One row per person: organization login, duty as the template names it, full name. */
  public static byte[] register(List<String[]> people) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Работники");
      Row head = sheet.createRow(0);
      for (int c = 0; c < TITLES.length; c++) {
        head.createCell(c).setCellValue(TITLES[c]);
      }
      int r = 1;
      for (String[] person : people) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(person[0]);
        row.createCell(2).setCellValue(person[1]);
        row.createCell(3).setCellValue(person[2]);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
