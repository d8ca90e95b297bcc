package org.oko.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.oko.platform.web.UnsupportedTypeException;

/**
 * What an upload must be before its rows are read: an {@code .xlsx} workbook without macros, not a
 * zip bomb. Each refusal says in Russian what the file is and what to do, because the usual
 * mistakes (a PDF, an old {@code .xls}, a password) are easy to fix once named.
 */
final class WorkbookGuard {

  /**
   * An entry may not expand beyond 1 GiB. A form of 500,000 rows × 30 cells is a sheet XML of about
   * 500 MB; a larger entry is no form of ours, only a way to make the server inflate it.
   */
  static final long MAX_ENTRY_SIZE = 1L << 30;

  /**
   * An entry larger than {@link #GRACE_ENTRY_SIZE} must keep at least 1% of its size compressed
   * (expand at most 100×). Sheet XML compresses 5–20× (a sheet of blank formatted rows up to ~60×);
   * a run of zeros compresses about 1000×. This is also POI's default, stated here so that it is a
   * decision, not an accident.
   */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** Small entries may compress as they like: their size is harmless. POI's default. */
  static final long GRACE_ENTRY_SIZE = 100 * 1024;

  /**
   * The shared strings are held in memory while the sheets are read, so their XML is bounded (64 MB
   * of XML is about 3 million distinct codes; a protocol of 200,000 rows uses ~200,000).
   */
  static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;

  static final String NOT_A_WORKBOOK = "Файл не является книгой Excel (.xlsx)";
  static final String PDF = "Это PDF, а нужна книга Excel (.xlsx): загрузите заполненный шаблон";
  static final String ENCRYPTED =
      "Книга защищена паролем: снимите пароль (Файл → Сведения → Защитить книгу) и загрузите"
          + " снова";
  static final String XLS =
      "Это файл старого формата .xls (Excel 97–2003): сохраните его как .xlsx";
  static final String CSV =
      "Это текстовый файл (CSV), а нужна книга Excel (.xlsx): откройте его в Excel и сохраните как"
          + " «Книга Excel (.xlsx)»";
  static final String ZIP = "Это zip-архив, а не книга Excel (.xlsx)";
  static final String ODS =
      "Это книга OpenDocument (.ods): сохраните её как «Книга Excel (.xlsx)» и загрузите снова";
  static final String XLSB =
      "Это двоичная книга Excel (.xlsb): сохраните её как «Книга Excel (.xlsx)» и загрузите снова";
  static final String MACROS =
      "Книга с макросами (.xlsm) не принимается: сохраните её как «Книга Excel (.xlsx)»";
  static final String DOCTYPE =
      "Книга содержит объявление DOCTYPE, которого Excel не пишет (так подделывают файлы): такой"
          + " файл не принимается";
  static final String SHARED_STRINGS_TOO_LARGE =
      "В книге слишком много текста (больше 64 МБ в таблице строк): столько загрузить нельзя";

  private static final Pattern VBA_PROJECT =
      Pattern.compile(".*/vbaProject\\.bin", Pattern.CASE_INSENSITIVE);

  static {
    // Global to POI: every package POI opens (OfficeFileGuard's too) gets the same limits.
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setGraceEntrySize(GRACE_ENTRY_SIZE);
  }

  private WorkbookGuard() {}

  /**
   * Opens the archive of {@code file} for POI with the zip bomb limits, after checking from its
   * first bytes that it is a zip at all and from its directory that no entry is a bomb. POI checks
   * the same limits again while inflating, should the directory lie.
   */
  static ZipSecureFile openArchive(Path file) throws IOException {
    requireZip(file);
    ZipSecureFile zip;
    try {
      zip = new ZipSecureFile(file.toFile());
    } catch (IOException e) {
      throw new UnreadableWorkbookException(e);
    }
    try {
      for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
        requireNoBomb(entry.getName(), entry.getSize(), entry.getCompressedSize());
      }
      if (notAPackage(zip).equals(ODS)) {
        throw new UnsupportedTypeException(ODS);
      }
      return zip;
    } catch (RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /**
   * What a zip that is no Office package is: an OpenDocument file names its type in a first entry
   * {@code mimetype}.
   */
  private static String notAPackage(ZipSecureFile zip) {
    ZipArchiveEntry mimetype = zip.getEntry("mimetype");
    if (mimetype != null) {
      try (InputStream in = zip.getInputStream(mimetype)) {
        String type = new String(in.readNBytes(100), java.nio.charset.StandardCharsets.US_ASCII);
        if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
          return ODS;
        }
      } catch (IOException e) {
        return ZIP;
      }
    }
    return ZIP;
  }

  /** Refuses a package that is not a plain workbook: another document, an .ods, macros. */
  static void requireSpreadsheet(OPCPackage pkg) {
    PackageRelationshipCollection core =
        pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
    if (core.isEmpty()) {
      throw new UnsupportedTypeException(ZIP);
    }
    String contentType;
    try {
      PackagePart part = pkg.getPart(core.getRelationship(0));
      if (part == null) {
        throw new UnsupportedTypeException(ZIP);
      }
      contentType = part.getContentType();
    } catch (IllegalArgumentException e) {
      throw new UnsupportedTypeException(ZIP);
    }
    if (contentType.equals(XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType())) {
      throw new UnsupportedTypeException(XLSB);
    }
    if (contentType.contains("macroEnabled")) {
      throw new UnsupportedTypeException(MACROS);
    }
    if (!contentType.equals(XSSFRelation.WORKBOOK.getContentType())
        && !contentType.equals(XSSFRelation.TEMPLATE_WORKBOOK.getContentType())) {
      throw new UnsupportedTypeException(ZIP);
    }
    // A macro project can hide in a workbook whose type was changed to the plain one.
    if (!pkg.getPartsByName(VBA_PROJECT).isEmpty()) {
      throw new UnsupportedTypeException(MACROS);
    }
  }

  /**
   * What an exception met while reading a workbook means for the user: POI reports a zip bomb found
   * while inflating and a parser a DOCTYPE with their own (English) messages deep in the causes;
   * anything else is a damaged file.
   */
  static RuntimeException unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnreadableWorkbookException
          || t instanceof UnsupportedTypeException
          || t instanceof WorkbookLimitException) {
        return (RuntimeException) t;
      }
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      if (message.contains("Zip bomb detected")) {
        return new UnreadableWorkbookException(
            message.contains("max size of the expanded data")
                ? tooLarge()
                : "Подозрительный архив: часть книги сжата более чем в "
                    + Math.round(1 / MIN_INFLATE_RATIO)
                    + " раз (так устроены zip-бомбы). Такой файл не принимается",
            e);
      }
      if (message.contains("DOCTYPE") || message.contains("DTD")) {
        return new UnreadableWorkbookException(DOCTYPE, e);
      }
    }
    return new UnreadableWorkbookException(e);
  }

  /** Refuses an entry whose declared size or compression ratio is that of a zip bomb. */
  static void requireNoBomb(String name, long size, long compressedSize) {
    if (size > MAX_ENTRY_SIZE) {
      throw new UnreadableWorkbookException(tooLarge() + " (" + name + ")");
    }
    if (compressedTooMuch(size, compressedSize)) {
      throw new UnreadableWorkbookException(
          "Подозрительный архив: часть книги "
              + name
              + " сжата более чем в "
              + Math.round(1 / MIN_INFLATE_RATIO)
              + " раз (так устроены zip-бомбы). Такой файл не принимается");
    }
  }

  /**
   * Whether {@code size} bytes packed into {@code compressedSize} expand more than a workbook's or
   * a document's XML can: the ratio of a zip bomb (see {@link #MIN_INFLATE_RATIO}).
   */
  static boolean compressedTooMuch(long size, long compressedSize) {
    return size > GRACE_ENTRY_SIZE
        && compressedSize >= 0
        && compressedSize < size * MIN_INFLATE_RATIO;
  }

  private static String tooLarge() {
    return "Подозрительный архив: часть книги после распаковки больше "
        + (MAX_ENTRY_SIZE >> 30)
        + " ГБ (так устроены zip-бомбы). Такой файл не принимается";
  }

  /** Refuses, by its first bytes, a file that is not a zip archive, naming what it is. */
  private static void requireZip(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4096);
    }
    if (startsWith(head, 'P', 'K', 3, 4)) {
      return;
    }
    if (startsWith(head, '%', 'P', 'D', 'F')) {
      throw new UnsupportedTypeException(PDF);
    }
    if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      throw new UnsupportedTypeException(ole2(file));
    }
    if (head.length > 0 && isText(head)) {
      throw new UnsupportedTypeException(CSV);
    }
    throw new UnsupportedTypeException(NOT_A_WORKBOOK);
  }

  /**
   * An OLE2 compound file: Excel keeps a password-protected {@code .xlsx} in one (an encrypted
   * package next to its {@code EncryptionInfo}), and the old {@code .xls} is one.
   */
  private static String ole2(Path file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
        return ENCRYPTED;
      }
      if (fs.getRoot().hasEntryCaseInsensitive("Workbook")
          || fs.getRoot().hasEntryCaseInsensitive("Book")) {
        return XLS;
      }
      return NOT_A_WORKBOOK;
    } catch (IOException | RuntimeException e) {
      return NOT_A_WORKBOOK;
    }
  }

  /**
   * Whether the start of a file reads as text (CSV saved by Excel in UTF-8, Windows-1251 or
   * UTF-16): no control bytes other than tabs and line breaks, or a UTF-16 byte order mark.
   */
  private static boolean isText(byte[] head) {
    if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
      return true;
    }
    for (byte b : head) {
      int c = b & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
