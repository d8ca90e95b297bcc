package org.oko.publications;

import org.oko.platform.web.InvalidRequestException;

/** File names as users give them, made safe to store and to send back in Content-Disposition. */
final class FileNames {

  private FileNames() {}

  /**
   * The last part of the name only (a browser may send «C:\fakepath\x.pdf»), without control
   * characters or characters no file system accepts; 400 if nothing is left.
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
}
