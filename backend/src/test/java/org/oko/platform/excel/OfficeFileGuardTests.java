package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.testing.OfficeFiles;

/** Office files OKO hands out to schools: real ones pass, each hostile one is named. */
class OfficeFileGuardTests {

  @TempDir Path dir;

  private Optional<String> problem(String name, byte[] content) throws IOException {
    Path file = Files.write(dir.resolve(name), content);
    return OfficeFileGuard.problem(file, name);
  }

  @Test
  void realDocumentsWorkbooksAndPresentationsPass() throws IOException {
    assertThat(problem("инструкция.docx", OfficeFiles.docx())).isEmpty();
    assertThat(problem("форма.xlsx", OfficeFiles.xlsx())).isEmpty();
    assertThat(problem("слайды.pptx", OfficeFiles.pptx())).isEmpty();
    assertThat(problem("старая.xls", OfficeFiles.xls())).isEmpty();
  }

  @Test
  void aMacroProjectIsRefusedWhateverTheTypeSays() throws IOException {
    assertThat(problem("x.docx", OfficeFiles.docxWithVbaProject()))
        .hasValue(
            "Файл «x.docx» содержит макросы (VBA): такие файлы не принимаются. Сохраните его без"
                + " макросов (.docx, .xlsx или .pptx) и приложите снова");
  }

  @Test
  void aMacroEnabledWorkbookRenamedToXlsxIsRefused() throws IOException {
    assertThat(problem("x.xlsx", OfficeFiles.xlsm())).get().asString().contains("макросы (VBA)");
  }

  @Test
  void anOldWorkbookWithAVbaProjectIsRefused() throws IOException {
    assertThat(problem("x.xls", OfficeFiles.xlsWithMacros()))
        .get()
        .asString()
        .contains("макросы (VBA)");
  }

  @Test
  void macroEnabledNamesAreRefusedByName() {
    assertThat(OfficeFileGuard.macroEnabledName("Отчёт.XLSM"))
        .hasValue(
            "Файлы с макросами («Отчёт.XLSM») прикладывать нельзя: сохраните файл без макросов"
                + " (.docx, .xlsx или .pptx) и приложите снова");
    assertThat(OfficeFileGuard.macroEnabledName("a.docm")).isPresent();
    assertThat(OfficeFileGuard.macroEnabledName("a.pptm")).isPresent();
    assertThat(OfficeFileGuard.macroEnabledName("a.docx")).isEmpty();
  }

  @Test
  void anExternalEntityIsRefusedBeforeAnyParserSeesIt() throws IOException {
    assertThat(problem("x.docx", OfficeFiles.docxWithExternalEntity()))
        .hasValue(
            "Файл «x.docx» содержит объявление DOCTYPE (часть word/document.xml), которого Office"
                + " не пишет: так подделывают файлы (внешние сущности, XXE). Такой файл не"
                + " принимается");
  }

  @Test
  void entityExpansionIsRefused() throws IOException {
    assertThat(problem("x.xlsx", OfficeFiles.xlsxWithEntityExpansion()))
        .get()
        .asString()
        .contains("DOCTYPE (часть xl/sharedStrings.xml)");
  }

  @Test
  void aDoctypeInAPartDeclaredAsXmlUnderAnotherNameIsFound() throws IOException {
    byte[] hidden =
        OfficeFiles.changed(
            OfficeFiles.docx(),
            parts -> {
              String types =
                  new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8)
                      .replace(
                          "</Types>",
                          "<Override PartName=\"/word/custom.dat\" ContentType=\"application/"
                              + "vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
                              + "</Types>");
              parts.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
              parts.put(
                  "word/custom.dat",
                  "<?xml version=\"1.0\"?>\n<!-- -->\n<!DOCTYPE x [<!ENTITY a \"b\">]><x/>"
                      .getBytes(StandardCharsets.UTF_8));
            });

    assertThat(problem("x.docx", hidden)).get().asString().contains("часть word/custom.dat");
  }

  @Test
  void aPictureInSvgMayKeepItsDoctype() throws IOException {
    byte[] withSvg =
        OfficeFiles.changed(
            OfficeFiles.docx(),
            parts -> {
              String types =
                  new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8)
                      .replace(
                          "</Types>",
                          "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/></Types>");
              parts.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
              parts.put(
                  "word/media/image1.svg",
                  ("<?xml version=\"1.0\"?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
                          + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg/>")
                      .getBytes(StandardCharsets.UTF_8));
            });

    assertThat(problem("x.docx", withSvg)).isEmpty();
  }

  @Test
  void aHighlyCompressedPartIsAZipBomb() throws IOException {
    byte[] bomb = OfficeFiles.docxWithZipBomb();
    assertThat(bomb.length).isLessThan(1 << 20);

    assertThat(problem("x.docx", bomb))
        .hasValue(
            "Подозрительный архив: часть word/media/filler.xml файла «x.docx» сжата более чем в"
                + " 100 раз (так устроены zip-бомбы). Такой файл не принимается");
  }

  @Test
  void aZipBombWhoseDirectoryUnderstatesItsSizeIsCaughtWhileInflating() throws IOException {
    byte[] bomb = OfficeFiles.docxWithZipBomb();
    int central = TestWorkbooks.centralHeader(bomb, "word/media/filler.xml");
    int compressed = TestWorkbooks.readInt(bomb, central + 20);
    TestWorkbooks.writeInt(bomb, central + 24, compressed * 2); // uncompressed size

    assertThat(problem("x.docx", bomb)).get().asString().contains("сжата более чем в 100 раз");
  }

  @Test
  void aZipThatIsNoOfficePackageIsRefused() throws IOException {
    byte[] zip =
        OfficeFiles.changed(OfficeFiles.docx(), parts -> parts.remove("[Content_Types].xml"));

    assertThat(problem("x.docx", zip))
        .hasValue(
            "Файл «x.docx» не является документом Office (.docx, .xlsx, .pptx): сохраните его в"
                + " Word, Excel или PowerPoint и приложите снова");
  }

  @Test
  void aTruncatedFileIsDamaged() throws IOException {
    byte[] docx = OfficeFiles.docx();
    byte[] truncated = java.util.Arrays.copyOf(docx, docx.length / 2);

    assertThat(problem("x.docx", truncated))
        .hasValue("Файл «x.docx» повреждён: его не удалось прочитать");
  }
}
