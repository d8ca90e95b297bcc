package org.oko.forms;

import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * One sheet's stored rows as a list read a page at a time, in order, as it is walked (issue 24):
 * the Excel template of a 200 000-row protocol is written from {@code form_response_row} by keyset
 * pages of {@value #PAGE} rows ({@link ResponseContentStore#after}), never from the whole content
 * in memory. For a writer that walks the rows once from the first ({@link TemplateSheets}); it
 * blocks for each page, so it is used only off the event loop, where the workbook is written.
 */
final class StoredRows extends AbstractList<Map<String, String>> implements RandomAccess {

  static final int PAGE = 1000;

  private static final Duration WAIT = Duration.ofMinutes(1);

  private final ResponseContentStore contents;
  private final long responseId;
  private final int gen;
  private final String sheet;
  private final int size;
  private List<Map<String, String>> page = List.of();
  private int pageStart;

  StoredRows(ResponseContentStore contents, long responseId, int gen, String sheet, int size) {
    this.contents = contents;
    this.responseId = responseId;
    this.gen = gen;
    this.sheet = sheet;
    this.size = size;
  }

  /** Every sheet of the content at the row's generation, read as walked. */
  static FormValidation.Content of(
      ResponseContentStore contents, ResponseRow row, FormSchema schema, Map<String, Integer> n) {
    FormValidation.Content content = new FormValidation.Content();
    for (SheetSpec sheet : schema.sheets()) {
      int size = n.getOrDefault(sheet.key(), 0);
      content.put(
          sheet.key(), new StoredRows(contents, row.id(), row.contentGen(), sheet.key(), size));
    }
    return content;
  }

  @Override
  public Map<String, String> get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    if (index < pageStart || index >= pageStart + page.size()) {
      // positions are 1..size at a generation: the row at index i is at position i + 1
      pageStart = index;
      page = contents.after(responseId, gen, sheet, index, PAGE).collectList().block(WAIT);
    }
    return page.get(index - pageStart);
  }

  @Override
  public int size() {
    return size;
  }
}
