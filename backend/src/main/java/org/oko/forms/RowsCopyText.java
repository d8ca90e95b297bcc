package org.oko.forms;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response's rows as {@link ResponseContentStore} writes them: each row's cells a compact JSON
 * object, and many rows at once as lines of {@code COPY … FROM STDIN}'s text format (response id,
 * sheet, position, cells, generation; tab-separated, backslashes doubled).
 */
final class RowsCopyText {

  private RowsCopyText() {}

  /** Rows {@code from} .. {@code from + count - 1} of a sheet as lines of COPY's text format. */
  static ByteBuf buffer(
      long responseId, int gen, String sheet, List<Map<String, String>> rows, int from, int count) {
    StringBuilder text = new StringBuilder(count * 96);
    String prefix = responseId + "\t" + copyText(sheet) + "\t";
    String suffix = "\t" + gen + "\n";
    for (int i = from; i < Math.min(rows.size(), from + count); i++) {
      text.append(prefix).append(i + 1).append('\t');
      appendJson(text, rows.get(i), true);
      text.append(suffix);
    }
    return Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One checked row of an upload ({@link TemplateWorkbookReader}'s values, in column order) as a
   * line of COPY's text format: its cells a JSON object of the non-empty ones, as {@link
   * FormValidation#asMap} would give them.
   */
  static void appendLine(
      StringBuilder text,
      long responseId,
      int gen,
      SheetSpec sheet,
      int position,
      String[] values) {
    text.append(responseId).append('\t').append(copyText(sheet.key())).append('\t');
    text.append(position).append("\t{");
    boolean first = true;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        continue;
      }
      if (!first) {
        text.append(',');
      }
      first = false;
      appendString(text, sheet.columns().get(i).key(), true);
      text.append(':');
      appendString(text, values[i], true);
    }
    text.append("}\t").append(gen).append('\n');
  }

  /** Text as one UTF-8 buffer, written straight into it. */
  static ByteBuf utf8(CharSequence text) {
    ByteBuf buffer = Unpooled.buffer(ByteBufUtil.utf8Bytes(text));
    ByteBufUtil.writeUtf8(buffer, text);
    return buffer;
  }

  static String json(Map<String, String> cells) {
    StringBuilder text = new StringBuilder(96);
    appendJson(text, cells, false);
    return text.toString();
  }

  /**
   * A row's cells as a JSON object; for COPY's text format ({@code forCopy}) every backslash is
   * doubled (JSON's own escapes hold no tab or line break, which COPY would also need escaped).
   */
  private static void appendJson(StringBuilder text, Map<String, String> cells, boolean forCopy) {
    text.append('{');
    boolean first = true;
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      if (cell.getValue() == null) {
        continue;
      }
      if (!first) {
        text.append(',');
      }
      first = false;
      appendString(text, cell.getKey(), forCopy);
      text.append(':');
      appendString(text, cell.getValue(), forCopy);
    }
    text.append('}');
  }

  private static void appendString(StringBuilder text, String value, boolean forCopy) {
    String backslash = forCopy ? "\\\\" : "\\";
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        text.append(backslash).append('"');
      } else if (c == '\\') {
        text.append(backslash).append(backslash);
      } else if (c < 0x20) {
        text.append(backslash).append(String.format("u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    text.append('"');
  }

  /** A value for COPY's text format: backslash, tab and line breaks escaped. */
  private static String copyText(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }
}
