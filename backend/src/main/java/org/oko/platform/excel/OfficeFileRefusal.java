package org.oko.platform.excel;

/**
 * A reason {@link OfficeFileGuard} refuses an Office file, in Russian, naming the file (and the
 * part, where one is to blame); caught in {@link OfficeFileGuard#problem}.
 */
final class OfficeFileRefusal extends RuntimeException {

  OfficeFileRefusal(String message) {
    super(message, null, false, false);
  }

  static OfficeFileRefusal notOffice(String fileName) {
    return new OfficeFileRefusal(
        "Файл «"
            + fileName
            + "» не является документом Office (.docx, .xlsx, .pptx): сохраните его в Word,"
            + " Excel или PowerPoint и приложите снова");
  }

  static OfficeFileRefusal macros(String fileName) {
    return new OfficeFileRefusal(
        "Файл «"
            + fileName
            + "» содержит макросы (VBA): такие файлы не принимаются. Сохраните его без макросов"
            + " (.docx, .xlsx или .pptx) и приложите снова");
  }

  static OfficeFileRefusal doctype(String fileName, String part) {
    return new OfficeFileRefusal(
        "Файл «"
            + fileName
            + "» содержит объявление DOCTYPE (часть "
            + part
            + "), которого Office не пишет: так подделывают файлы (внешние сущности, XXE). Такой"
            + " файл не принимается");
  }

  static OfficeFileRefusal tooLarge(String fileName, String entry) {
    return new OfficeFileRefusal(
        "Подозрительный архив: часть "
            + entry
            + " файла «"
            + fileName
            + "» после распаковки больше "
            + (WorkbookGuard.MAX_ENTRY_SIZE >> 30)
            + " ГБ (так устроены zip-бомбы). Такой файл не принимается");
  }

  static OfficeFileRefusal tooCompressed(String fileName, String entry) {
    return new OfficeFileRefusal(
        "Подозрительный архив: часть "
            + entry
            + " файла «"
            + fileName
            + "» сжата более чем в "
            + Math.round(1 / WorkbookGuard.MIN_INFLATE_RATIO)
            + " раз (так устроены zip-бомбы). Такой файл не принимается");
  }

  static OfficeFileRefusal tooLargeInAll(String fileName) {
    return new OfficeFileRefusal(
        "Подозрительный архив: файл «"
            + fileName
            + "» после распаковки больше "
            + (OfficeFileGuard.MAX_TOTAL_SIZE >> 30)
            + " ГБ (так устроены zip-бомбы). Такой файл не принимается");
  }

  static OfficeFileRefusal damaged(String fileName) {
    return new OfficeFileRefusal("Файл «" + fileName + "» повреждён: его не удалось прочитать");
  }
}
