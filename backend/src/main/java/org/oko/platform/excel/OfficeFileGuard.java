package org.oko.platform.excel;

import static org.oko.platform.excel.OfficeFileRefusal.damaged;
import static org.oko.platform.excel.OfficeFileRefusal.doctype;
import static org.oko.platform.excel.OfficeFileRefusal.macros;
import static org.oko.platform.excel.OfficeFileRefusal.notOffice;
import static org.oko.platform.excel.OfficeFileRefusal.tooCompressed;
import static org.oko.platform.excel.OfficeFileRefusal.tooLarge;
import static org.oko.platform.excel.OfficeFileRefusal.tooLargeInAll;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What an Office file must be before OKO keeps it to hand out (publication attachments, also inside
 * a per-organization archive): the same rules as a form upload ({@link WorkbookGuard}), for Word,
 * Excel and PowerPoint documents alike, because schools open these files as they come.
 *
 * <ul>
 *   <li>Office Open XML ({@code .docx .xlsx .pptx}, zip containers): a real package (with {@code
 *       [Content_Types].xml}); no macros — neither a macro-enabled content type nor a {@code
 *       vbaProject.bin} anywhere; no zip bomb — every entry is inflated and counted, at most {@link
 *       WorkbookGuard#MAX_ENTRY_SIZE} each, at most 100× its packed size past {@link
 *       WorkbookGuard#GRACE_ENTRY_SIZE}, at most {@link #MAX_TOTAL_SIZE} in all; no {@code
 *       <!DOCTYPE} in any XML part (Office never writes one: it is how external entities, XXE, and
 *       entity expansion, «billion laughs», get into a file).
 *   <li>The old binary formats ({@code .doc .xls}, OLE compound files): no VBA project.
 *   <li>Macro-enabled names ({@code .docm .xlsm .pptm} and their templates and add-ins) are refused
 *       by name, before any byte is read.
 * </ul>
 *
 * <p>Not inspected: OpenDocument files, zips (a per-organization archive's inner archives), and
 * what an Office file embeds (OLE objects, links to outside templates). Blocking file and CPU work:
 * call it on {@code Schedulers.boundedElastic()}. The parts' types are read by {@link
 * OfficeContentTypes}; the reasons to refuse are {@link OfficeFileRefusal}'s.
 */
public final class OfficeFileGuard {

  /**
   * What all entries of one document may inflate to. An attachment is at most a few hundred
   * megabytes packed and Office files hold mostly compressed media, which do not grow.
   */
  public static final long MAX_TOTAL_SIZE = 2L << 30;

  private static final Set<String> OOXML = Set.of("docx", "xlsx", "pptx");
  private static final Set<String> OLE = Set.of("doc", "xls");
  private static final Set<String> MACRO_ENABLED =
      Set.of("docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm");

  private OfficeFileGuard() {}

  /** Whether a file of this name is an Office file {@link #problem} inspects. */
  public static boolean inspects(String fileName) {
    String extension = extension(fileName);
    return OOXML.contains(extension) || OLE.contains(extension);
  }

  /** The refusal of a macro-enabled name ({@code .xlsm}, {@code .docm}, …), if it is one. */
  public static Optional<String> macroEnabledName(String fileName) {
    String extension = extension(fileName);
    if (!MACRO_ENABLED.contains(extension)) {
      return Optional.empty();
    }
    return Optional.of(
        "Файлы с макросами («"
            + fileName
            + "») прикладывать нельзя: сохраните файл без макросов (.docx, .xlsx или .pptx) и"
            + " приложите снова");
  }

  /**
   * Why the Office file {@code file} (named {@code fileName}, whose first bytes already match its
   * type) may not be kept, in Russian, or empty when it may.
   */
  public static Optional<String> problem(Path file, String fileName) throws IOException {
    String extension = extension(fileName);
    try {
      if (OOXML.contains(extension)) {
        inspectPackage(file, fileName);
      } else if (OLE.contains(extension)) {
        inspectCompoundFile(file, fileName);
      }
      return Optional.empty();
    } catch (OfficeFileRefusal refusal) {
      return Optional.of(refusal.getMessage());
    }
  }

  // ---------------------------------------------------------------- Office Open XML

  private static void inspectPackage(Path file, String fileName) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw damaged(fileName);
    }
    try (zip) {
      List<? extends ZipEntry> entries = Collections.list(zip.entries());
      long declared = 0;
      for (ZipEntry entry : entries) {
        // The directory is checked first, so that an honest bomb is refused without inflating it.
        requireNoBomb(fileName, entry.getName(), entry.getSize(), entry.getCompressedSize());
        declared += Math.max(entry.getSize(), 0);
        if (isVbaProject(entry.getName())) {
          throw macros(fileName);
        }
      }
      if (declared > MAX_TOTAL_SIZE) {
        throw tooLargeInAll(fileName);
      }
      ZipEntry types = zip.getEntry("[Content_Types].xml");
      if (types == null) {
        throw notOffice(fileName);
      }
      long[] total = {0};
      OfficeContentTypes contentTypes;
      try (InputStream in = inflated(zip, types, fileName, total)) {
        contentTypes = OfficeContentTypes.read(in, fileName);
      } catch (IOException e) {
        throw damaged(fileName);
      }
      for (ZipEntry entry : entries) {
        if (entry.isDirectory() || entry.getName().equals(types.getName())) {
          continue;
        }
        try (InputStream in = inflated(zip, entry, fileName, total)) {
          if (contentTypes.isXml(entry.getName())) {
            requireNoDoctype(in, fileName, entry.getName());
          }
          in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          // ZipException, or EOFException of a truncated entry: the file is broken.
          throw damaged(fileName);
        }
      }
    }
  }

  private static boolean isVbaProject(String entryName) {
    String name = entryName.substring(entryName.lastIndexOf('/') + 1);
    return name.equalsIgnoreCase("vbaProject.bin");
  }

  /**
   * Reads the part's prolog, up to its first element: a DOCTYPE can only stand there, and {@link
   * XmlScanner} refuses one (and any other {@code <!} declaration) before it is parsed.
   */
  private static void requireNoDoctype(InputStream in, String fileName, String part)
      throws IOException {
    try {
      XmlScanner xml = new XmlScanner(in, 4096);
      for (int event = xml.next(); event != XmlScanner.EOF; event = xml.next()) {
        if (event == XmlScanner.START) {
          return;
        }
      }
    } catch (UnreadableWorkbookException e) {
      if (WorkbookGuard.DOCTYPE.equals(e.getMessage())) {
        throw doctype(fileName, part);
      }
      // Not XML after all: Office refuses such a part itself, and it can declare nothing.
    }
  }

  /** Refuses an entry whose declared size or compression ratio is that of a zip bomb. */
  private static void requireNoBomb(String fileName, String entry, long size, long compressedSize) {
    if (size > WorkbookGuard.MAX_ENTRY_SIZE) {
      throw tooLarge(fileName, entry);
    }
    if (WorkbookGuard.compressedTooMuch(size, compressedSize)) {
      throw tooCompressed(fileName, entry);
    }
  }

  /**
   * The entry's content as it inflates, counted: the sizes in the archive's directory are never
   * trusted, and the inflater reads at most the packed size the directory gives, so the ratio
   * against it bounds what the entry can really produce.
   */
  private static InputStream inflated(ZipFile zip, ZipEntry entry, String fileName, long[] total)
      throws IOException {
    long packed = entry.getCompressedSize();
    return new CountedInput(zip.getInputStream(entry)) {
      private long count;

      @Override
      protected void counted(int n) {
        count += n;
        total[0] += n;
        if (count > WorkbookGuard.MAX_ENTRY_SIZE) {
          throw tooLarge(fileName, entry.getName());
        }
        if (packed >= 0 && WorkbookGuard.compressedTooMuch(count, packed)) {
          throw tooCompressed(fileName, entry.getName());
        }
        if (total[0] > MAX_TOTAL_SIZE) {
          throw tooLargeInAll(fileName);
        }
      }
    };
  }

  // ---------------------------------------------------------------- OLE (.doc, .xls)

  /**
   * The old formats keep a VBA project in a storage of their own: {@code _VBA_PROJECT_CUR} in an
   * Excel workbook, {@code Macros} in a Word document.
   */
  private static void inspectCompoundFile(Path file, String fileName) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryEntry root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")
          || root.hasEntryCaseInsensitive("Macros")
          || root.hasEntryCaseInsensitive("_VBA_PROJECT")) {
        throw macros(fileName);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof OfficeFileRefusal refusal) {
        throw refusal;
      }
      throw damaged(fileName);
    }
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    int slash = fileName.lastIndexOf('/');
    return dot < 0 || dot < slash ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
