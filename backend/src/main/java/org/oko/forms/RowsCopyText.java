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
   * An upload's lines for one sheet, written as UTF-8 straight into a buffer: each checked row
   * ({@link TemplateWorkbookReader}'s values, in column order) a line of COPY's text format, its
   * cells a JSON object of the non-empty ones, as {@link FormValidation#asMap} would give them.
   * What every line of the sheet repeats — the response and sheet, each column's key, the
   * generation — is encoded once; a value with nothing to escape is written as it is (issue 24: the
   * reader's thread is what an upload waits for).
   */
  static final class Lines {

    private final byte[] prefix;
    private final byte[][] keys;
    private final byte[] suffix;

    Lines(long responseId, int gen, SheetSpec sheet) {
      this.prefix = utf8Bytes(responseId + "\t" + copyText(sheet.key()) + "\t");
      this.keys = new byte[sheet.columns().size()][];
      for (int i = 0; i < keys.length; i++) {
        StringBuilder key = new StringBuilder();
        appendString(key, sheet.columns().get(i).key(), true);
        keys[i] = utf8Bytes(key.append(':'));
      }
      this.suffix = utf8Bytes("}\t" + gen + "\n");
    }

    void append(ByteBuf out, int position, String[] values) {
      out.writeBytes(prefix);
      writeDecimal(out, position);
      out.writeByte('\t').writeByte('{');
      boolean first = true;
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          continue;
        }
        if (!first) {
          out.writeByte(',');
        }
        first = false;
        out.writeBytes(keys[i]);
        writeString(out, values[i]);
      }
      out.writeBytes(suffix);
    }

    private static void writeString(ByteBuf out, String value) {
      out.writeByte('"');
      if (plain(value)) {
        ByteBufUtil.writeUtf8(out, value);
      } else {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        appendEscaped(escaped, value, true);
        ByteBufUtil.writeUtf8(out, escaped);
      }
      out.writeByte('"');
    }

    /**
     * Whether a value goes into a JSON string in COPY's text as it is: no quote, backslash,
     * control.
     */
    private static boolean plain(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c == '"' || c == '\\') {
          return false;
        }
      }
      return true;
    }

    private static void writeDecimal(ByteBuf out, int n) {
      if (n < 10) {
        out.writeByte('0' + n);
        return;
      }
      writeDecimal(out, n / 10);
      out.writeByte('0' + n % 10);
    }

    private static byte[] utf8Bytes(CharSequence text) {
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
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
    text.append('"');
    appendEscaped(text, value, forCopy);
    text.append('"');
  }

  private static void appendEscaped(StringBuilder text, String value, boolean forCopy) {
    String backslash = forCopy ? "\\\\" : "\\";
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
