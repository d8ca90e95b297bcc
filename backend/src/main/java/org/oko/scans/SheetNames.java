package org.oko.scans;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oko.platform.web.InvalidRequestException;

/**
 * What a file is and which sheet it holds, from its name ({@code 501501_2.png}: kit or participant
 * code 501501, page 2) or from a batch's {@code manifest.csv}.
 */
final class SheetNames {

  private SheetNames() {}

  static final String ZIP = "zip";

  /** The allowed extensions of a sheet and the content type each is stored with. */
  private static final Map<String, String> SHEET_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "tif", "image/tiff",
          "tiff", "image/tiff",
          "pdf", "application/pdf");

  static final String UNKNOWN_TYPE = "application/octet-stream";

  /** The kit number (or participant code) and page, 1..12 digits and 1..2 digits. */
  private static final Pattern NAME = Pattern.compile("^(\\d{1,12})[_-](\\d{1,2})\\.[A-Za-z0-9]+$");

  /** A sheet's identity; either part is null when it could not be determined. */
  record Identity(Long kit, Integer page) {
    static final Identity NONE = new Identity(null, null);
  }

  /** The lower-case extension, or "" when there is none. */
  static String extension(String name) {
    String base = baseName(name);
    int dot = base.lastIndexOf('.');
    return dot <= 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The content type of a sheet file, or null when its extension is not one of a sheet. */
  static String sheetType(String name) {
    return SHEET_TYPES.get(extension(name));
  }

  static boolean isZip(String name) {
    return extension(name).equals(ZIP);
  }

  static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** The identity from a base name such as {@code 501501_2.png}. */
  static Identity fromName(String name) {
    Matcher m = NAME.matcher(baseName(name));
    if (!m.matches()) {
      return Identity.NONE;
    }
    int page = Integer.parseInt(m.group(2));
    return new Identity(Long.parseLong(m.group(1)), page >= 1 ? page : null);
  }

  /**
   * The last part of a name as a user gives it (a browser may send «C:\fakepath\x.png»), without
   * control characters or characters no file system accepts; 400 if nothing is left.
   */
  static String sanitized(String name, String field) {
    String base = name == null ? "" : name;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      throw new InvalidRequestException(field, "Укажите имя файла");
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  /** Why a batch's or replacement's type is refused (415). */
  static String forbidden(String fileName, boolean zipAllowed) {
    return "Файл «"
        + fileName
        + "» не принимается: загрузите "
        + (zipAllowed ? "zip-архив или " : "")
        + "изображение PNG, JPEG, TIFF или PDF";
  }

  /**
   * The rows of a {@code manifest.csv}: {@code file;kit;page} (or with commas) after a header, by
   * the file's path in the archive. A row whose kit or page is not a number names the file with an
   * unknown identity, so that it is listed as unidentified.
   */
  static Map<String, Identity> manifest(InputStream in) throws IOException {
    Map<String, Identity> rows = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null) {
      return rows;
    }
    char separator = header.indexOf(';') >= 0 ? ';' : ',';
    for (String line; (line = reader.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(Pattern.quote(String.valueOf(separator)), -1);
      String file = unquote(cells[0]);
      if (file.startsWith("./")) {
        file = file.substring(2);
      }
      if (file.isEmpty()) {
        continue;
      }
      Long kit = cells.length > 1 ? number(cells[1], 12) : null;
      Long page = cells.length > 2 ? number(cells[2], 2) : null;
      rows.put(
          file,
          new Identity(kit, page == null || page < 1 ? null : Integer.valueOf(page.intValue())));
    }
    return rows;
  }

  private static Long number(String cell, int maxDigits) {
    String value = unquote(cell);
    return value.matches("\\d{1," + maxDigits + "}") ? Long.valueOf(value) : null;
  }

  private static String unquote(String cell) {
    String value = cell.strip();
    if (value.startsWith("\uFEFF")) {
      value = value.substring(1);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1).strip();
    }
    return value;
  }
}
