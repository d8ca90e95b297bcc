package org.oko.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Office files for upload tests, real ones written by POI and hostile ones made from them by
 * changing a part: small enough to build in every test, each one attack at a time.
 */
public final class OfficeFiles {

  private OfficeFiles() {}

  /** A Word document with one paragraph. */
  public static byte[] docx() {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Инструкция для организатора");
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An Excel workbook with one cell. */
  public static byte[] xlsx() {
    return workbook(XSSFWorkbookType.XLSX);
  }

  /** A PowerPoint presentation with one slide. */
  public static byte[] pptx() {
    try (XMLSlideShow show = new XMLSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      show.createSlide();
      show.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A macro-enabled workbook as Excel saves it ({@code .xlsm}: the content type says so), to be
   * uploaded under an {@code .xlsx} name.
   */
  public static byte[] xlsm() {
    return workbook(XSSFWorkbookType.XLSM);
  }

  /** A plain-typed document that carries a VBA project, as a renamed {@code .docm} does. */
  public static byte[] docxWithVbaProject() {
    return changed(
        docx(),
        parts -> parts.put("word/vbaProject.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11}));
  }

  /** The document's XML declares an external entity reading a local file (XXE). */
  public static byte[] docxWithExternalEntity() {
    return changed(
        docx(),
        parts -> {
          String xml = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
          xml =
              xml.replaceFirst(
                  "<w:document",
                  "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document");
          parts.put("word/document.xml", xml.getBytes(StandardCharsets.UTF_8));
        });
  }

  /** «Billion laughs»: nested internal entities in the workbook's shared strings. */
  public static byte[] xlsxWithEntityExpansion() {
    return changed(
        xlsx(),
        parts -> {
          String xml = new String(parts.get("xl/sharedStrings.xml"), StandardCharsets.UTF_8);
          StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
          for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"");
            entities.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
          }
          xml = xml.replaceFirst("<sst", "<!DOCTYPE sst [" + entities + "]><sst");
          xml = xml.replaceFirst("<t>[^<]*</t>", "<t>&lol9;</t>");
          parts.put("xl/sharedStrings.xml", xml.getBytes(StandardCharsets.UTF_8));
        });
  }

  /**
   * A document with a part of 30 MB of spaces, compressed about a thousandfold: the file is a few
   * tens of kilobytes, far over the ratio of 100 that any real document part keeps.
   */
  public static byte[] docxWithZipBomb() {
    return changed(
        docx(),
        parts ->
            parts.put(
                "word/media/filler.xml",
                (" ".repeat(30 << 20) + "<a/>").getBytes(StandardCharsets.US_ASCII)));
  }

  /** An old-format workbook (.xls) with a VBA project storage, as Excel 97–2003 keeps macros. */
  public static byte[] xlsWithMacros() {
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        ByteArrayOutputStream plain = new ByteArrayOutputStream()) {
      workbook.createSheet("Лист1").createRow(0).createCell(0).setCellValue("x");
      workbook.write(plain);
      try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(plain.toByteArray()));
          ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        fs.getRoot()
            .createDirectory("_VBA_PROJECT_CUR")
            .createDocument("PROJECT", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        fs.writeFilesystem(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An old-format workbook (.xls) without macros. */
  public static byte[] xls() {
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Лист1").createRow(0).createCell(0).setCellValue("x");
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package's entries, in order. */
  public static Map<String, byte[]> parts(byte[] zip) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        parts.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  /** The package with its parts changed by {@code change}, zipped again. */
  public static byte[] changed(byte[] zip, Consumer<Map<String, byte[]>> change) {
    Map<String, byte[]> parts = parts(zip);
    change.accept(parts);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream rezipped = new ZipOutputStream(out)) {
      for (var part : parts.entrySet()) {
        rezipped.putNextEntry(new ZipEntry(part.getKey()));
        rezipped.write(part.getValue());
        rezipped.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] workbook(XSSFWorkbookType type) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Лист1").createRow(0).createCell(0).setCellValue("Инструкция");
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
