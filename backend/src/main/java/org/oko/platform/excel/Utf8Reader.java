package org.oko.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * UTF-8 bytes as characters, for {@link XmlScanner}: a sheet's XML is almost all ASCII markup, and
 * a loop that copies an ASCII byte as a character and decodes the rest by hand is what it needs.
 * (The JDK's decoder behind {@code InputStreamReader}, shared with every other decoding in the
 * server, was ~15% of an upload's reading thread in its profile.) Malformed input becomes U+FFFD,
 * as the JDK's decoder makes it; a character beyond the BMP becomes its surrogate pair.
 */
final class Utf8Reader extends Reader {

  private static final char REPLACEMENT = '\uFFFD';

  private final InputStream in;
  private final byte[] bytes = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;

  /** The low surrogate of a pair whose high half went out last, or 0. */
  private char pendingLow;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = off;
    int end = off + len;
    if (pendingLow != 0) {
      out[n++] = pendingLow;
      pendingLow = 0;
    }
    while (n < end) {
      if (limit - pos < 4 && !eof) {
        refill();
      }
      if (pos >= limit) {
        break;
      }
      // The common case: a run of ASCII.
      int stop = Math.min(limit, pos + (end - n));
      while (pos < stop && bytes[pos] >= 0) {
        out[n++] = (char) bytes[pos++];
      }
      if (n == end || pos >= limit || bytes[pos] >= 0) {
        continue;
      }
      if (limit - pos < 4 && !eof) {
        continue; // a sequence the buffer may cut: read more first, at the top
      }
      int code = decodeOne();
      if (code < 0x10000) {
        out[n++] = (char) code;
      } else {
        out[n++] = Character.highSurrogate(code);
        if (n < end) {
          out[n++] = Character.lowSurrogate(code);
        } else {
          pendingLow = Character.lowSurrogate(code);
        }
      }
    }
    return n == off ? -1 : n - off;
  }

  /** One multi-byte sequence from {@code pos} (at least its lead byte is there). */
  private int decodeOne() {
    int lead = bytes[pos] & 0xFF;
    int length;
    int code;
    int min;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code = lead & 0x1F;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code = lead & 0x0F;
      min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code = lead & 0x07;
      min = 0x10000;
    } else {
      pos++;
      return REPLACEMENT;
    }
    int i = 1;
    for (; i < length; i++) {
      if (pos + i >= limit || (bytes[pos + i] & 0xC0) != 0x80) {
        pos += i; // a truncated sequence: one replacement, the next byte read anew
        return REPLACEMENT;
      }
      code = (code << 6) | (bytes[pos + i] & 0x3F);
    }
    pos += length;
    if (code < min || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
      return REPLACEMENT;
    }
    return code;
  }

  /** Moves what is left to the front and reads more; keeps at least a whole sequence in view. */
  private void refill() throws IOException {
    int left = limit - pos;
    System.arraycopy(bytes, pos, bytes, 0, left);
    pos = 0;
    limit = left;
    while (limit < 4 && !eof) {
      int read = in.read(bytes, limit, bytes.length - limit);
      if (read < 0) {
        eof = true;
      } else {
        limit += read;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
