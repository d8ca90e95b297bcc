package org.oko.scans;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.oko.platform.web.RussianPlural;

/**
 * The file checks of one scanned sheet, on a file on disk: its bytes are what its name says, its
 * header declares sane dimensions (read before anything is decoded, so a decompression bomb never
 * is), it decodes, its resolution is usable and it is not a blank page. Also draws the thumbnail.
 * Blocking and CPU-bound: call it off the event loop. Thread-safe (no state).
 */
final class ImageInspector {

  /** The longest side the collector accepts, in pixels (A3 at 600 dpi is about 7 000 × 9 900). */
  static final int MAX_SIDE = 12_000;

  /** The most pixels the collector accepts. */
  static final long MAX_PIXELS = 80_000_000L;

  /** The shortest side of a readable sheet: A4 at 100 dpi is 827 × 1169. */
  static final int MIN_SIDE = 600;

  static final int MIN_DPI = 100;
  static final int MAX_DPI = 600;

  /** Decoded images are subsampled to about this width: enough for blank detection. */
  private static final int WORK_WIDTH = 1_200;

  /** A PDF page wider or taller than this (in points, 1/72 inch: about 1.4 m) is no sheet. */
  private static final float MAX_PDF_SIDE_POINTS = 4_000f;

  /** What PDFBox may hold in memory per document; the rest goes to temporary files, capped. */
  private static final long PDF_MEMORY = 16L * 1024 * 1024;

  private static final long PDF_STORAGE = 256L * 1024 * 1024;

  static {
    // Never let ImageIO spill decoding caches to temporary files of its own.
    ImageIO.setUseCache(false);
  }

  /** The file types a sheet may be, by their signatures. */
  enum Kind {
    PNG("image/png", "PNG"),
    JPEG("image/jpeg", "JPEG"),
    TIFF("image/tiff", "TIFF"),
    PDF("application/pdf", "PDF");

    final String contentType;
    final String label;

    Kind(String contentType, String label) {
      this.contentType = contentType;
      this.label = label;
    }

    static Kind ofContentType(String contentType) {
      String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      for (Kind kind : values()) {
        if (kind.contentType.equals(type)) {
          return kind;
        }
      }
      if (type.equals("image/jpg")) {
        return JPEG;
      }
      return null;
    }
  }

  /**
   * The outcome: a problem (code and Russian message) or none, what was learnt about the image and
   * its thumbnail (PNG bytes) when it could be decoded.
   */
  record Inspection(
      String errorCode,
      String errorMessage,
      Integer width,
      Integer height,
      Integer dpi,
      byte[] thumbnail) {

    boolean passed() {
      return errorCode == null;
    }

    static Inspection problem(String code, String message) {
      return new Inspection(code, message, null, null, null, null);
    }

    Inspection withProblem(String code, String message) {
      return new Inspection(code, message, width, height, dpi, thumbnail);
    }
  }

  Inspection inspect(Path file, String contentType) {
    Kind declared = Kind.ofContentType(contentType);
    Kind actual;
    try {
      actual = sniff(file);
    } catch (IOException e) {
      return Inspection.problem("UNREADABLE", "Файл не удалось прочитать — загрузите его заново");
    }
    if (declared == null) {
      return Inspection.problem(
          "NOT_AN_IMAGE",
          "Тип файла не поддерживается — загрузите скан в формате PNG, JPEG, TIFF или PDF");
    }
    if (actual != declared) {
      return Inspection.problem(
          "NOT_AN_IMAGE",
          actual == null
              ? "Файл не является изображением "
                  + declared.label
                  + " — отсканируйте лист заново и загрузите файл PNG, JPEG, TIFF или PDF"
              : "Содержимое файла — "
                  + actual.label
                  + ", а не "
                  + declared.label
                  + ", как следует из имени — исправьте расширение файла и загрузите его заново");
    }
    try {
      return actual == Kind.PDF ? inspectPdf(file) : inspectImage(file, actual);
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return Inspection.problem(
          "UNREADABLE",
          "Файл повреждён и не читается как "
              + actual.label
              + " — отсканируйте лист заново и загрузите его");
    }
  }

  /** The kind of file by its first bytes; null for anything else. */
  static Kind sniff(Path file) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 8
        && (head[0] & 0xff) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G'
        && head[4] == 0x0d
        && head[5] == 0x0a
        && head[6] == 0x1a
        && head[7] == 0x0a) {
      return Kind.PNG;
    }
    if (n >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return Kind.JPEG;
    }
    if (n >= 4
        && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
            || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
      return Kind.TIFF;
    }
    if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
      return Kind.PDF;
    }
    return null;
  }

  private Inspection inspectImage(Path file, Kind kind) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IOException("no image input stream");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no reader for " + kind);
      }
      ImageReader reader = readers.next();
      try {
        // Metadata is skipped (ancillary chunks are never inflated); dimensions are in the header.
        reader.setInput(in, true, kind == Kind.PNG);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new IOException("no dimensions");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
          return new Inspection(
              "TOO_LARGE_IMAGE",
              "Изображение слишком большое: "
                  + width
                  + "×"
                  + height
                  + " пикселей (допускается не более "
                  + MAX_SIDE
                  + " по стороне и 80 Мпикс) — отсканируйте лист с разрешением 200–300 dpi",
              width,
              height,
              null,
              null);
        }
        Integer dpi =
            kind == Kind.PNG ? ScanResolution.png(file) : ScanResolution.fromMetadata(reader);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, width / WORK_WIDTH);
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        BufferedImage grey = GreyPage.grey(image);
        byte[] thumbnail = GreyPage.thumbnail(grey);
        Inspection seen = new Inspection(null, null, width, height, dpi, thumbnail);
        if (Math.min(width, height) < MIN_SIDE) {
          return seen.withProblem(
              "RESOLUTION",
              "Слишком низкое разрешение: "
                  + width
                  + "×"
                  + height
                  + " пикселей (нужно не меньше "
                  + MIN_SIDE
                  + " по меньшей стороне) — отсканируйте лист с разрешением 200–300 dpi");
        }
        if (dpi != null && (dpi < MIN_DPI || dpi > MAX_DPI)) {
          return seen.withProblem(
              "RESOLUTION",
              "Разрешение скана "
                  + dpi
                  + " dpi вне допустимого диапазона "
                  + MIN_DPI
                  + "–"
                  + MAX_DPI
                  + " dpi — отсканируйте лист с разрешением 200–300 dpi");
        }
        return GreyPage.blank(grey) ? seen.withProblem("BLANK_PAGE", BLANK_MESSAGE) : seen;
      } finally {
        reader.dispose();
      }
    }
  }

  static final String BLANK_MESSAGE =
      "Пустая страница: на скане нет ни текста, ни разметки — проверьте, что отсканирована нужная"
          + " сторона листа, и загрузите его заново";

  private Inspection inspectPdf(Path file) throws IOException {
    try (PDDocument document =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(file.toFile()),
            MemoryUsageSetting.setupMixed(PDF_MEMORY, PDF_STORAGE).streamCache)) {
      int pages = document.getNumberOfPages();
      if (pages != 1) {
        return Inspection.problem(
            "PDF_PAGES",
            "В PDF-файле "
                + pages
                + " "
                + RussianPlural.of(pages, "страница", "страницы", "страниц")
                + ", а должна быть ровно одна — загрузите каждую страницу бланка отдельным файлом");
      }
      PDRectangle box = document.getPage(0).getMediaBox();
      if (box.getWidth() > MAX_PDF_SIDE_POINTS || box.getHeight() > MAX_PDF_SIDE_POINTS) {
        return Inspection.problem(
            "TOO_LARGE_IMAGE",
            "Страница PDF слишком большая ("
                + Math.round(box.getWidth() / 72 * 25.4)
                + "×"
                + Math.round(box.getHeight() / 72 * 25.4)
                + " мм) — отсканируйте лист формата A4 или A3");
      }
      // Rendered small: enough for the thumbnail and blank detection, cheap for any page.
      float scale = Math.min(1f, 600f / Math.max(1f, box.getWidth()));
      BufferedImage rendered = new PDFRenderer(document).renderImage(0, scale, ImageType.GRAY);
      rendered = GreyPage.grey(rendered);
      Inspection seen = new Inspection(null, null, null, null, null, GreyPage.thumbnail(rendered));
      return GreyPage.blank(rendered) ? seen.withProblem("BLANK_PAGE", BLANK_MESSAGE) : seen;
    }
  }
}
