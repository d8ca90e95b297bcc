package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oko.platform.excel.TestWorkbooks.parts;
import static org.oko.platform.excel.TestWorkbooks.write;
import static org.oko.platform.excel.TestWorkbooks.zip;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.platform.excel.WorkbookReader.Limits;
import org.oko.platform.web.UnsupportedTypeException;

/** Files that are not an upload we read, each refused with what it is and what to do. */
class WorkbookBadInputTests {

  @TempDir Path dir;

  @Test
  void aRenamedPdf() throws IOException {
    Path file = Files.writeString(dir.resolve("протокол.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj\n");

    assertRefused(file, "Это PDF, а нужна книга Excel (.xlsx): загрузите заполненный шаблон");
  }

  @Test
  void anOldXlsWorkbook() throws Exception {
    Path file =
        write(
            dir.resolve("протокол.xlsx"),
            new HSSFWorkbook(),
            wb -> wb.createSheet("Лист1").createRow(0).createCell(0).setCellValue("Класс"));

    assertRefused(file, "Это файл старого формата .xls (Excel 97–2003): сохраните его как .xlsx");
  }

  @Test
  void aCsvInAnyEncodingExcelSavesIt() {
    String csv = "Класс;Код участника;Вариант\r\n5А;64001;1\r\n";
    for (Charset charset :
        new Charset[] {
          StandardCharsets.UTF_8, Charset.forName("windows-1251"), StandardCharsets.UTF_16LE
        }) {
      Path file = dir.resolve("протокол-" + charset.name() + ".xlsx");
      TestWorkbooks.writeString(
          file, (charset == StandardCharsets.UTF_16LE ? "\uFEFF" : "") + csv, charset);

      assertRefused(
          file,
          "Это текстовый файл (CSV), а нужна книга Excel (.xlsx): откройте его в Excel и сохраните"
              + " как «Книга Excel (.xlsx)»");
    }
  }

  @Test
  void somethingElseEntirely() throws IOException {
    Path file = Files.write(dir.resolve("photo.xlsx"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1});

    assertRefused(file, "Файл не является книгой Excel (.xlsx)");
  }

  @Test
  void aPasswordProtectedWorkbook() throws Exception {
    // What Excel writes for "Protect workbook with password": the package, encrypted (agile, AES),
    // inside an OLE2 compound file.
    Path file = dir.resolve("protected.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword("пароль");
      try (XSSFWorkbook wb = new XSSFWorkbook();
          OutputStream out = encryptor.getDataStream(fs)) {
        wb.createSheet("Лист1").createRow(0).createCell(0).setCellValue("Класс");
        wb.write(out);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }

    assertRefused(
        file,
        "Книга защищена паролем: снимите пароль (Файл → Сведения → Защитить книгу) и загрузите"
            + " снова");
  }

  @Test
  void aMacroEnabledWorkbook() throws Exception {
    Path file =
        write(
            dir.resolve("macros.xlsm"),
            new XSSFWorkbook(XSSFWorkbookType.XLSM),
            wb -> wb.createSheet("Лист1").createRow(0).createCell(0).setCellValue("Класс"));

    assertRefused(
        file, "Книга с макросами (.xlsm) не принимается: сохраните её как «Книга Excel (.xlsx)»");
  }

  @Test
  void aMacroProjectInAWorkbookRenamedAsPlain() throws Exception {
    var parts = parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
    parts.put("xl/vbaProject.bin", "\u00d0\u00cf\u0011\u00e0 not really a vba project");

    assertRefused(
        zip(dir.resolve("renamed.xlsx"), parts),
        "Книга с макросами (.xlsm) не принимается: сохраните её как «Книга Excel (.xlsx)»");
  }

  @Test
  void aZipThatIsNoWorkbook() throws Exception {
    Path plain = zip(dir.resolve("archive.xlsx"), Map.of("readme.txt", "привет"));
    assertRefused(plain, "Это zip-архив, а не книга Excel (.xlsx)");

    var document = parts("");
    document.put(
        "[Content_Types].xml",
        TestWorkbooks.contentTypes(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
    assertRefused(
        zip(dir.resolve("document.xlsx"), document), "Это zip-архив, а не книга Excel (.xlsx)");
  }

  @Test
  void anOpenDocumentSpreadsheet() throws Exception {
    var ods = new java.util.LinkedHashMap<String, String>();
    ods.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    ods.put("content.xml", "<office:document-content/>");

    assertRefused(
        zip(dir.resolve("calc.xlsx"), ods),
        "Это книга OpenDocument (.ods): сохраните её как «Книга Excel (.xlsx)» и загрузите снова");
  }

  @Test
  void aDamagedZip() throws IOException {
    byte[] bytes = new byte[2000];
    bytes[0] = 'P';
    bytes[1] = 'K';
    bytes[2] = 3;
    bytes[3] = 4;
    Path file = Files.write(dir.resolve("broken.xlsx"), bytes);

    assertThatThrownBy(() -> WorkbookReader.open(file, Limits.DEFAULT))
        .isInstanceOf(UnreadableWorkbookException.class)
        .hasMessage("Файл не удалось прочитать как книгу Excel (.xlsx)");
  }

  @Test
  void aZipBombOfHugeUncompressedSize() throws IOException {
    // 1.1 GB of zeros: over the 1 GB an entry may expand to (and over 100×, but size is checked
    // first). Written at the fastest level so the test stays quick.
    Path file = dir.resolve("huge.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_SPEED);
      for (var part : parts("").entrySet()) {
        if (!part.getKey().equals("xl/worksheets/sheet1.xml")) {
          zip.putNextEntry(new ZipEntry(part.getKey()));
          zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1100; i++) {
        zip.write(zeros);
      }
    }

    assertThatThrownBy(() -> WorkbookReader.open(file, Limits.DEFAULT))
        .isInstanceOf(UnreadableWorkbookException.class)
        .hasMessage(
            "Подозрительный архив: часть книги после распаковки больше 1 ГБ (так устроены"
                + " zip-бомбы). Такой файл не принимается (xl/worksheets/sheet1.xml)");
  }

  @Test
  void aZipBombOfHighRatio() throws IOException {
    // 30 MB of spaces in the sheet's XML compress about 1000×.
    var parts = parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + " ".repeat(30 << 20));

    assertThatThrownBy(
            () -> WorkbookReader.open(zip(dir.resolve("ratio.xlsx"), parts), Limits.DEFAULT))
        .isInstanceOf(UnreadableWorkbookException.class)
        .hasMessage(
            "Подозрительный архив: часть книги xl/worksheets/sheet1.xml сжата более чем в 100 раз"
                + " (так устроены zip-бомбы). Такой файл не принимается");
  }

  @Test
  void aZipBombWhoseDirectoryLies() throws IOException {
    // The directory claims the sheet is small; POI counts what it really inflates.
    var parts = parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + " ".repeat(30 << 20));
    Path file = zip(dir.resolve("liar.xlsx"), parts);
    byte[] bytes = Files.readAllBytes(file);
    int central = TestWorkbooks.centralHeader(bytes, "xl/worksheets/sheet1.xml");
    int compressed = TestWorkbooks.readInt(bytes, central + 20);
    TestWorkbooks.writeInt(bytes, central + 24, compressed * 2); // uncompressed size
    Files.write(file, bytes);

    assertThatThrownBy(
            () -> {
              try (WorkbookReader reader = WorkbookReader.open(file, Limits.DEFAULT)) {
                reader.readSheet("Лист1", (n, row) -> {});
              }
            })
        .isInstanceOf(UnreadableWorkbookException.class)
        .hasMessage(
            "Подозрительный архив: часть книги сжата более чем в 100 раз (так устроены"
                + " zip-бомбы). Такой файл не принимается");
  }

  @Test
  void externalEntitiesInTheSheetAreNeverExpanded() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "пароль от базы");
    var parts =
        parts(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>",
            "<si><t>x</t></si>");
    parts.put(
        "xl/worksheets/sheet1.xml",
        parts
            .get("xl/worksheets/sheet1.xml")
            .replace(
                "<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                    + secret.toUri()
                    + "\">]><worksheet"));

    assertThatThrownBy(
            () -> {
              try (WorkbookReader reader =
                  WorkbookReader.open(zip(dir.resolve("xxe.xlsx"), parts), Limits.DEFAULT)) {
                reader.readSheet("Лист1", (n, row) -> {});
              }
            })
        .isInstanceOf(UnreadableWorkbookException.class)
        .hasMessage(
            "Книга содержит объявление DOCTYPE, которого Excel не пишет (так подделывают файлы):"
                + " такой файл не принимается");
  }

  @Test
  void entitiesInTheSharedStringsAreNeverExpanded() throws Exception {
    // "Billion laughs": nested internal entities that would expand to gigabytes.
    var parts =
        parts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "<si><t>&lol3;</t></si>");
    parts.put(
        "xl/sharedStrings.xml",
        parts
            .get("xl/sharedStrings.xml")
            .replace(
                "<sst",
                "<!DOCTYPE sst [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                    + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><sst"));

    assertThatThrownBy(
            () -> WorkbookReader.open(zip(dir.resolve("lol.xlsx"), parts), Limits.DEFAULT))
        .isInstanceOf(UnreadableWorkbookException.class)
        .hasMessage(
            "Книга содержит объявление DOCTYPE, которого Excel не пишет (так подделывают файлы):"
                + " такой файл не принимается");
  }

  @Test
  void aCellOfOneMegabyte() throws Exception {
    // Excel refuses to hold more than 32,767 characters in a cell (and so does POI's writer), but
    // a forged file can have any: one inline, one shared.
    var random = new java.util.Random(5);
    StringBuilder text = new StringBuilder();
    while (text.length() < 1 << 20) {
      text.append((char) ('А' + random.nextInt(32))); // random letters: no zip bomb
    }
    String huge = text.toString();
    var inline =
        parts(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Код</t></is></c></row><row r=\"2\">"
                + "<c r=\"A2\"><v>64001</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>"
                + huge
                + "</t></is></c></row>");
    var shared =
        parts(
            "<row r=\"14\"><c r=\"C14\" t=\"s\"><v>0</v></c></row>",
            "<si><t>" + huge + "</t></si>");
    for (var parts : java.util.List.of(inline, shared)) {
      parts.put("xl/workbook.xml", parts.get("xl/workbook.xml").replace("Лист1", "Протокол"));
    }

    assertCellTooLong(zip(dir.resolve("inline.xlsx"), inline), "B2");
    assertCellTooLong(zip(dir.resolve("shared.xlsx"), shared), "C14");
  }

  @Test
  void aSheetOfAMillionRowsStopsAtTheLimit() throws IOException {
    // Every row Excel can hold (1,048,576), each with a value, streamed into the archive.
    Path file = dir.resolve("rows.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_SPEED);
      String sheet = TestWorkbooks.sheetXml("@");
      for (var part : parts("").entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        if (!part.getKey().equals("xl/worksheets/sheet1.xml")) {
          zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
          continue;
        }
        Writer out = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
        out.write(sheet, 0, sheet.indexOf('@'));
        for (int r = 1; r <= 1_048_576; r++) {
          out.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
        }
        out.write(sheet.substring(sheet.indexOf('@') + 1));
        out.flush();
      }
    }

    AtomicInteger seen = new AtomicInteger();
    assertThatThrownBy(
            () -> {
              try (WorkbookReader reader = WorkbookReader.open(file, Limits.DEFAULT)) {
                reader.readSheet("Лист1", (n, row) -> seen.incrementAndGet());
              }
            })
        .isInstanceOf(WorkbookLimitException.class)
        .hasMessage("На листе «Лист1» больше 500000 строк: столько загрузить нельзя")
        .satisfies(e -> assertThat(((WorkbookLimitException) e).cell()).isNull());
    assertThat(seen).hasValue(500_000);
  }

  private static void assertCellTooLong(Path file, String cell) {
    assertThatThrownBy(
            () -> {
              try (WorkbookReader reader = WorkbookReader.open(file, Limits.DEFAULT)) {
                reader.readSheet("Протокол", (n, row) -> {});
              }
            })
        .isInstanceOf(WorkbookLimitException.class)
        .hasMessage("В ячейке больше 32767 символов: столько загрузить нельзя")
        .satisfies(
            e -> {
              assertThat(((WorkbookLimitException) e).cell()).isEqualTo(cell);
              assertThat(((WorkbookLimitException) e).sheet()).isEqualTo("Протокол");
            });
  }

  private static void assertRefused(Path file, String message) {
    assertThatThrownBy(() -> WorkbookReader.open(file, Limits.DEFAULT))
        .isInstanceOf(UnsupportedTypeException.class)
        .hasMessage(message);
  }
}
