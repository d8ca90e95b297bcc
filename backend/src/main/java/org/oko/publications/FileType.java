package org.oko.publications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.oko.platform.excel.OfficeFileGuard;

/**
 * The kinds of file a publication may carry, each known by its extension and its first bytes, which
 * must agree: a renamed executable is not a PDF. Office Open XML and OpenDocument files are zip
 * archives; the old Office formats are OLE compound files. Office files are then inspected whole
 * ({@link OfficeFileGuard}: macros, zip bombs, DOCTYPE), macro-enabled ones refused by name.
 */
enum FileType {
  PDF("PDF", bytes('%', 'P', 'D', 'F'), "pdf"),
  ZIP("ZIP", bytes('P', 'K', 3, 4), "zip", "docx", "xlsx", "pptx", "odt", "ods"),
  OLE("DOC/XLS", bytes(0xD0, 0xCF, 0x11, 0xE0), "doc", "xls"),
  RTF("RTF", bytes('{', '\\', 'r', 't', 'f'), "rtf"),
  PNG("PNG", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "png"),
  JPEG("JPEG", bytes(0xFF, 0xD8, 0xFF), "jpg", "jpeg"),
  /** Any text: recognised by the absence of NUL bytes in the whole file. */
  TEXT("текстовым файлом", new byte[0], "txt");

  static final String ALLOWED =
      "PDF, DOC/DOCX, XLS/XLSX, PPTX, ODT/ODS, RTF, TXT, ZIP, PNG, JPEG (без макросов)";

  /** The longest signature: how many first bytes a {@link Sniffer} keeps. */
  static final int HEAD = 8;

  private final String label;
  private final byte[] magic;
  private final String[] extensions;

  FileType(String label, byte[] magic, String... extensions) {
    this.label = label;
    this.magic = magic;
    this.extensions = extensions;
  }

  static Optional<FileType> byName(String fileName) {
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
            "Файлы такого типа («" + fileName + "») прикладывать нельзя; допустимы: " + ALLOWED);
  }

  String mismatch(String fileName) {
    return this == TEXT
        ? "Файл «" + fileName + "» не является текстовым файлом"
        : "Файл «" + fileName + "» не является " + label;
  }

  /** Whether content that starts with {@code head} (and has a NUL byte or not) is of this type. */
  boolean accepts(byte[] head, int headLength, boolean hasNul) {
    if (this == TEXT) {
      return !hasNul;
    }
    if (headLength < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  /** Watches content go by (an upload streaming to disk, an entry unpacking) to judge its type. */
  static final class Sniffer {
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private boolean hasNul;

    void update(byte[] chunk, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (headLength < HEAD) {
          head[headLength++] = chunk[i];
        }
        if (chunk[i] == 0) {
          hasNul = true;
        }
      }
    }

    void update(java.nio.ByteBuffer buffer) {
      while (buffer.hasRemaining()) {
        byte b = buffer.get();
        if (headLength < HEAD) {
          head[headLength++] = b;
        }
        if (b == 0) {
          hasNul = true;
        }
      }
    }

    boolean isA(FileType type) {
      return type.accepts(head, headLength, hasNul);
    }
  }
}
