package org.oko.forum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.oko.platform.excel.OfficeFileGuard;

/**
 * What a forum message may carry: a screenshot, a PDF or an Office document — known by its
 * extension and its first bytes, which must agree (publications' rule). Office files are then
 * inspected whole by {@link OfficeFileGuard} (macros, DOCTYPE, zip bombs).
 */
enum ForumFileType {
  PNG("PNG", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "png"),
  JPEG("JPEG", bytes(0xFF, 0xD8, 0xFF), "jpg", "jpeg"),
  PDF("PDF", bytes('%', 'P', 'D', 'F'), "pdf"),
  OFFICE_ZIP("документом Office", bytes('P', 'K', 3, 4), "docx", "xlsx", "pptx", "odt", "ods"),
  OFFICE_OLE("документом DOC/XLS", bytes(0xD0, 0xCF, 0x11, 0xE0), "doc", "xls");

  static final String ALLOWED = "PNG, JPEG, PDF, DOC/DOCX, XLS/XLSX, PPTX, ODT/ODS (без макросов)";

  private final String label;
  private final byte[] magic;
  private final String[] extensions;

  ForumFileType(String label, byte[] magic, String... extensions) {
    this.label = label;
    this.magic = magic;
    this.extensions = extensions;
  }

  static Optional<ForumFileType> byName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> Arrays.asList(t.extensions).contains(extension))
        .findFirst();
  }

  static String forbidden(String fileName) {
    return OfficeFileGuard.macroEnabledName(fileName)
        .orElse(
            "Файлы такого типа («"
                + fileName
                + "») прикладывать нельзя; допустимы изображения и документы: "
                + ALLOWED);
  }

  String mismatch(String fileName) {
    return "Файл «" + fileName + "» не является " + label;
  }

  /** Whether the file starts as this type does. */
  boolean matches(Path file) throws IOException {
    byte[] head = new byte[magic.length];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    return read == magic.length && Arrays.equals(head, magic);
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }
}
