package org.oko.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A small pull scanner for the XML of a workbook's parts: start tags with their attributes, end
 * tags and text. It is what lets a sheet be read at the speed of the fastest readers: the JDK's
 * StAX parser spends most of its time on namespaces, symbol tables and attribute bookkeeping that
 * sheet XML never needs, while here a start tag costs a scan of its characters and no allocation.
 *
 * <p>Safe by construction: a {@code <!DOCTYPE} is refused (Excel never writes one), so no entity
 * can be declared, and only XML's five predefined entities and character references are decoded;
 * nothing is ever fetched. A tag or a piece of text is never held beyond a bound, so a forged file
 * cannot make it grow the heap.
 *
 * <p>Element names are compared by their local part ({@code x:row} is {@code row}), which is how
 * spreadsheet writers that use a prefix for the main namespace are read.
 */
final class XmlScanner {

  static final int EOF = -1;
  static final int START = 1;
  static final int END = 2;
  static final int TEXT = 3;

  /** A tag longer than this (with all its attributes) is a forged file, not a sheet. */
  private static final int MAX_TAG = 1 << 20;

  private static final int MAX_ATTRIBUTES = 64;

  private final Reader in;
  private final int maxText;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int limit;

  private int nameStart;
  private int nameEnd;
  private boolean selfClosing;
  private boolean pendingEnd;

  private int attributes;
  private final int[] attributeName = new int[MAX_ATTRIBUTES * 2];
  private final int[] attributeValue = new int[MAX_ATTRIBUTES * 2];

  private final StringBuilder text = new StringBuilder();
  private boolean textTooLong;

  /** The current text when it is one plain piece of the buffer (the usual case), else -1. */
  private int textFrom = -1;

  private int textTo;

  /**
   * @param maxText characters of one text kept; a longer text is cut there and {@link
   *     #textTooLong()} says so
   */
  XmlScanner(InputStream in, int maxText) throws IOException {
    this.in = reader(in);
    this.maxText = maxText;
  }

  /** The next event: {@link #START}, {@link #END}, {@link #TEXT} or {@link #EOF}. */
  int next() throws IOException {
    if (pendingEnd) {
      pendingEnd = false;
      return END; // the end of <c/>: its name is still the current one
    }
    while (true) {
      if (pos >= limit && !fill()) {
        return EOF;
      }
      if (buf[pos] != '<') {
        readText();
        return TEXT;
      }
      if (!ensure(2)) {
        throw unreadable();
      }
      char second = buf[pos + 1];
      if (second == '/') {
        endTag();
        return END;
      }
      if (second == '?') {
        skipPast("?>"); // the XML declaration, a processing instruction
        continue;
      }
      if (second == '!') {
        if (startsWith("<!--")) {
          skipPast("-->");
          continue;
        }
        if (startsWith("<![CDATA[")) {
          pos += 9;
          readUntil("]]>");
          return TEXT;
        }
        throw new UnreadableWorkbookException(WorkbookGuard.DOCTYPE);
      }
      startTag();
      pendingEnd = selfClosing;
      return START;
    }
  }

  /** Whether the current start or end tag's local name is {@code name}. */
  boolean is(String name) {
    int length = nameEnd - nameStart;
    if (length != name.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buf[nameStart + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The index of the current start tag's attribute {@code name} (local part), or -1. */
  int attribute(String name) {
    int length = name.length();
    for (int a = 0; a < attributes; a++) {
      int start = attributeName[2 * a];
      int end = attributeName[2 * a + 1];
      int local = end - length;
      if (local >= start
          && (local == start || buf[local - 1] == ':')
          && regionMatches(local, name)) {
        return a;
      }
    }
    return -1;
  }

  /** Whether the value of the attribute at {@code index} is {@code expected}, as written. */
  boolean valueIs(int index, String expected) {
    int start = attributeValue[2 * index];
    return attributeValue[2 * index + 1] - start == expected.length()
        && regionMatches(start, expected);
  }

  /** The value of the attribute at {@code index}, entities decoded. */
  String value(int index) {
    return decode(attributeValue[2 * index], attributeValue[2 * index + 1]);
  }

  /** The value of the attribute at {@code index} as a non-negative integer, without a string. */
  int intValue(int index) {
    int value = 0;
    int start = attributeValue[2 * index];
    int end = attributeValue[2 * index + 1];
    if (start == end) {
      throw unreadable();
    }
    for (int i = start; i < end; i++) {
      char c = buf[i];
      if (c < '0' || c > '9' || value > 100_000_000) {
        throw unreadable();
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The 0-based column of a cell reference attribute ({@code AB12} → 27), without a string; at
   * least {@code max} when it is beyond.
   */
  int columnValue(int index, int max) {
    int column = 0;
    for (int i = attributeValue[2 * index]; i < attributeValue[2 * index + 1]; i++) {
      char c = buf[i];
      if (c >= 'A' && c <= 'Z') {
        column = column * 26 + (c - 'A' + 1);
      } else if (c >= 'a' && c <= 'z') {
        column = column * 26 + (c - 'a' + 1);
      } else {
        break;
      }
      if (column > max) {
        return max;
      }
    }
    return column - 1;
  }

  /**
   * The current text, entities decoded; cut at the scanner's bound. Valid until the next call of
   * {@link #next()}.
   */
  String text() {
    return textFrom >= 0 ? new String(buf, textFrom, textTo - textFrom) : text.toString();
  }

  /** Whether the current text was longer than the scanner's bound. */
  boolean textTooLong() {
    return textTooLong;
  }

  /** Skips the rest of the current element, its children included. */
  void skipElement() throws IOException {
    for (int depth = 1; depth > 0; ) {
      int event = next();
      if (event == START) {
        depth++;
      } else if (event == END) {
        depth--;
      } else if (event == EOF) {
        throw unreadable();
      }
    }
  }

  private void startTag() throws IOException {
    int end = tagEnd();
    int i = pos + 1;
    int nameFrom = i;
    while (i < end && !isSpace(buf[i]) && buf[i] != '/' && buf[i] != '>') {
      i++;
    }
    setName(nameFrom, i);
    attributes = 0;
    while (true) {
      while (i < end && isSpace(buf[i])) {
        i++;
      }
      char c = buf[i];
      if (c == '>' || c == '/') {
        selfClosing = c == '/';
        break;
      }
      int attributeFrom = i;
      while (i < end && buf[i] != '=' && !isSpace(buf[i])) {
        i++;
      }
      int attributeTo = i;
      while (i < end && isSpace(buf[i])) {
        i++;
      }
      if (buf[i] != '=') {
        throw unreadable();
      }
      i++;
      while (i < end && isSpace(buf[i])) {
        i++;
      }
      char quote = buf[i];
      if (quote != '"' && quote != '\'') {
        throw unreadable();
      }
      int valueFrom = ++i;
      while (buf[i] != quote) {
        i++;
      }
      if (attributes == MAX_ATTRIBUTES) {
        throw unreadable();
      }
      attributeName[2 * attributes] = attributeFrom;
      attributeName[2 * attributes + 1] = attributeTo;
      attributeValue[2 * attributes] = valueFrom;
      attributeValue[2 * attributes + 1] = i;
      attributes++;
      i++;
    }
    pos = end + 1;
  }

  private void endTag() throws IOException {
    int end = tagEnd();
    int i = pos + 2;
    int nameFrom = i;
    while (i < end && !isSpace(buf[i])) {
      i++;
    }
    setName(nameFrom, i);
    attributes = 0;
    pos = end + 1;
  }

  private void setName(int from, int to) {
    if (from == to) {
      throw unreadable();
    }
    int colon = indexOf(':', from, to);
    nameStart = colon >= 0 ? colon + 1 : from;
    nameEnd = to;
  }

  /**
   * The position of the {@code >} closing the tag at {@code pos} (outside quoted values), with the
   * whole tag brought into the buffer.
   */
  private int tagEnd() throws IOException {
    int i = pos;
    char quote = 0;
    while (true) {
      if (i >= limit) {
        int offset = i - pos;
        if (offset >= MAX_TAG || !fill()) {
          throw unreadable();
        }
        i = pos + offset;
        continue;
      }
      char c = buf[i];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      } else if (c == '<' && i > pos) {
        throw unreadable();
      }
      i++;
    }
  }

  /** Text up to the next {@code <}, entities decoded. */
  private void readText() throws IOException {
    text.setLength(0);
    textTooLong = false;
    textFrom = -1;
    int start = pos;
    while (pos < limit && buf[pos] != '<' && buf[pos] != '&' && buf[pos] != '\r') {
      pos++;
    }
    if (pos < limit && buf[pos] == '<' && pos - start <= maxText) {
      textFrom = start; // one plain piece: no copy until asked for
      textTo = pos;
      return;
    }
    pos = start;
    while (true) {
      int from = pos;
      boolean plain = true;
      while (pos < limit && buf[pos] != '<') {
        char c = buf[pos];
        plain &= c != '&' && c != '\r';
        pos++;
      }
      boolean complete = pos < limit; // stopped at '<', not at the end of the buffer
      int to = complete || plain ? pos : cut(from, pos);
      if (plain) {
        append(from, to);
      } else {
        appendDecoded(from, to);
      }
      pos = to;
      if (complete) {
        return;
      }
      if (!fill()) {
        if (pos < limit) {
          throw unreadable(); // a reference cut by the end of the part
        }
        return;
      }
    }
  }

  /**
   * Where to stop decoding a piece of text the buffer's end cut: before an entity reference or a CR
   * that may go on in the next read.
   */
  private int cut(int from, int to) {
    if (to > from && buf[to - 1] == '\r') {
      return to - 1;
    }
    for (int i = to - 1; i >= from && i >= to - 12; i--) {
      if (buf[i] == ';') {
        return to;
      }
      if (buf[i] == '&') {
        return i;
      }
    }
    return to;
  }

  /** Text up to {@code terminator} (a CDATA section), taken as it is. */
  private void readUntil(String terminator) throws IOException {
    text.setLength(0);
    textTooLong = false;
    textFrom = -1;
    while (true) {
      int at = find(terminator);
      if (at >= 0) {
        append(pos, at);
        pos = at + terminator.length();
        return;
      }
      // Keep the last characters: the terminator may be cut by the buffer's end.
      int keep = Math.max(pos, limit - terminator.length() + 1);
      append(pos, keep);
      pos = keep;
      if (!fill()) {
        throw unreadable();
      }
    }
  }

  private void skipPast(String terminator) throws IOException {
    while (true) {
      int at = find(terminator);
      if (at >= 0) {
        pos = at + terminator.length();
        return;
      }
      pos = Math.max(pos, limit - terminator.length() + 1);
      if (!fill()) {
        throw unreadable();
      }
    }
  }

  private int find(String s) {
    outer:
    for (int i = pos; i + s.length() <= limit; i++) {
      for (int j = 0; j < s.length(); j++) {
        if (buf[i + j] != s.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void append(int from, int to) {
    int room = maxText - text.length();
    if (to - from > room) {
      text.append(buf, from, Math.max(room, 0));
      textTooLong = true;
    } else {
      text.append(buf, from, to - from);
    }
  }

  private void appendDecoded(int from, int to) {
    StringBuilder decoded = new StringBuilder(to - from);
    decodeInto(decoded, from, to);
    int room = maxText - text.length();
    if (decoded.length() > room) {
      text.append(decoded, 0, Math.max(room, 0));
      textTooLong = true;
    } else {
      text.append(decoded);
    }
  }

  /** An attribute value or a piece of text with its entity references resolved. */
  private String decode(int from, int to) {
    if (indexOf('&', from, to) < 0 && indexOf('\r', from, to) < 0) {
      return new String(buf, from, to - from);
    }
    StringBuilder decoded = new StringBuilder(to - from);
    decodeInto(decoded, from, to);
    return decoded.toString();
  }

  private void decodeInto(StringBuilder out, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = buf[i];
      if (c == '\r') {
        out.append('\n'); // XML reads CR LF and a lone CR as LF
        if (i + 1 < to && buf[i + 1] == '\n') {
          i++;
        }
      } else if (c != '&') {
        out.append(c);
      } else {
        int semicolon = indexOf(';', i, Math.min(to, i + 12));
        if (semicolon < 0) {
          throw unreadable();
        }
        appendEntity(out, new String(buf, i + 1, semicolon - i - 1));
        i = semicolon;
      }
    }
  }

  /**
   * One of XML's predefined entities or a character reference. Any other name would need a
   * declaration, which only a (refused) DOCTYPE can make.
   */
  private static void appendEntity(StringBuilder out, String name) {
    switch (name) {
      case "lt":
        out.append('<');
        return;
      case "gt":
        out.append('>');
        return;
      case "amp":
        out.append('&');
        return;
      case "quot":
        out.append('"');
        return;
      case "apos":
        out.append('\'');
        return;
      default:
        if (name.startsWith("#")) {
          try {
            int code =
                name.startsWith("#x")
                    ? Integer.parseInt(name.substring(2), 16)
                    : Integer.parseInt(name.substring(1));
            out.appendCodePoint(code);
            return;
          } catch (IllegalArgumentException e) {
            throw unreadable();
          }
        }
        throw unreadable();
    }
  }

  private boolean startsWith(String s) throws IOException {
    if (!ensure(s.length())) {
      return false;
    }
    return regionMatches(pos, s);
  }

  private boolean regionMatches(int at, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (buf[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code n} characters from {@code pos} are (or can be brought) into the buffer. */
  private boolean ensure(int n) throws IOException {
    while (limit - pos < n) {
      if (!fill()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads more: keeps the characters from {@code pos} (moved to the front, the buffer doubled when
   * they fill it) and appends what the reader gives.
   *
   * @return false at the end of the input
   */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    } else if (limit == buf.length) {
      if (buf.length >= MAX_TAG * 2) {
        throw unreadable();
      }
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n <= 0) {
      return false;
    }
    limit += n;
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static UnreadableWorkbookException unreadable() {
    return new UnreadableWorkbookException(UnreadableWorkbookException.DEFAULT_MESSAGE);
  }

  /**
   * A reader in the part's encoding: UTF-8 (what every spreadsheet writer uses), or UTF-16 when the
   * part starts with its byte order mark; a UTF-8 byte order mark is skipped.
   */
  private static Reader reader(InputStream in) throws IOException {
    PushbackInputStream bytes = new PushbackInputStream(in, 3);
    byte[] head = bytes.readNBytes(3);
    int skip = 0;
    Charset charset = StandardCharsets.UTF_8;
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (head.length == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      skip = 3;
    }
    bytes.unread(head, skip, head.length - skip);
    return charset == StandardCharsets.UTF_8
        ? new Utf8Reader(bytes)
        : new InputStreamReader(bytes, charset);
  }
}
