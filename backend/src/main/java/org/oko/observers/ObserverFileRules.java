package org.oko.observers;

import java.util.Locale;
import java.util.Optional;

/**
 * What a photo of a note or the scan of an act may be: PDF, PNG or JPEG, known by its extension and
 * its first bytes, which must agree; an image's size is read from its header, never by decoding it,
 * so a decompression bomb (a huge image in a small file) is refused before anyone decodes it. Pure:
 * it judges the bytes it is given.
 */
final class ObserverFileRules {

  static final long MAX_BYTES = 20L * 1024 * 1024;
  static final int MAX_SIDE = 12_000;
  static final long MAX_PIXELS = 80_000_000L;

  /** How many first bytes are read to judge a file (a JPEG's size may follow its EXIF). */
  static final int HEAD = 256 * 1024;

  static final String ALLOWED = "PDF, PNG или JPEG";

  enum Type {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg");

    final String contentType;

    Type(String contentType) {
      this.contentType = contentType;
    }
  }

  private ObserverFileRules() {}

  static Optional<Type> byName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "pdf" -> Optional.of(Type.PDF);
      case "png" -> Optional.of(Type.PNG);
      case "jpg", "jpeg" -> Optional.of(Type.JPEG);
      default -> Optional.empty();
    };
  }

  /** Whether the content starts as the type says. */
  static boolean matches(Type type, byte[] head, int length) {
    return switch (type) {
      case PDF -> startsWith(head, length, '%', 'P', 'D', 'F', '-');
      case PNG -> startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
      case JPEG -> startsWith(head, length, 0xFF, 0xD8, 0xFF);
    };
  }

  /**
   * Why an image cannot be taken (too big, or no size in its header), or null if it can. A PDF is
   * judged by its first bytes only.
   */
  static String imageProblem(Type type, byte[] head, int length, String fileName) {
    long[] size =
        switch (type) {
          case PNG -> pngSize(head, length);
          case JPEG -> jpegSize(head, length);
          case PDF -> null;
        };
    if (type == Type.PDF) {
      return null;
    }
    if (size == null) {
      return "Не удалось прочитать размер изображения «"
          + fileName
          + "»: файл повреждён. Сохраните снимок заново.";
    }
    if (size[0] > MAX_SIDE || size[1] > MAX_SIDE || size[0] * size[1] > MAX_PIXELS) {
      return "Изображение «"
          + fileName
          + "» слишком большое: "
          + size[0]
          + "×"
          + size[1]
          + " пикселей (не больше "
          + MAX_SIDE
          + " по стороне и "
          + MAX_PIXELS / 1_000_000
          + " мегапикселей). Уменьшите его или отсканируйте с меньшим разрешением.";
    }
    return null;
  }

  /** Width and height from the IHDR chunk, which must come first. */
  static long[] pngSize(byte[] b, int length) {
    if (length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      return null;
    }
    return new long[] {u32(b, 16), u32(b, 20)};
  }

  /** Width and height from the first start-of-frame marker. */
  static long[] jpegSize(byte[] b, int length) {
    int i = 2;
    while (i + 9 < length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2;
        continue;
      }
      int segment = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      boolean frame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (frame) {
        long height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
        long width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
        return new long[] {width, height};
      }
      if (segment < 2) {
        return null;
      }
      i += 2 + segment;
    }
    return null;
  }

  private static long u32(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
