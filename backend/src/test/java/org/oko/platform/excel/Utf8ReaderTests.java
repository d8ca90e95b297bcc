package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner's own UTF-8 decoding reads what the JDK's decoder reads — Cyrillic, «quotes», emoji
 * beyond the BMP, a stray byte — however the archive hands the bytes over (a byte at a time, a
 * sequence cut between two reads, a caller asking for one character at a time).
 */
class Utf8ReaderTests {

  private static final String TEXT =
      "<c r=\"A3\" t=\"inlineStr\"><is><t>4А «вечерний» 📘 класс — №5 ½ € 𝄞</t></is></c>\n";

  @Test
  void readsWhatTheJdkReadsHoweverTheBytesArrive() throws IOException {
    byte[] bytes = TEXT.repeat(3000).getBytes(StandardCharsets.UTF_8);
    Random random = new Random(7);
    for (int chunk : new int[] {1, 2, 3, 5, 4096, 1 << 20}) {
      for (int ask : new int[] {1, 2, 7, 8192}) {
        Reader reader = new Utf8Reader(chunked(bytes, chunk, random));
        assertThat(readAll(reader, ask))
            .as("chunks of %d, asked %d", chunk, ask)
            .isEqualTo(TEXT.repeat(3000));
      }
    }
  }

  @Test
  void malformedBytesBecomeReplacementCharactersAsWithTheJdk() throws IOException {
    byte[] bytes = {
      'a',
      (byte) 0xD0,
      'b',
      (byte) 0xC0,
      (byte) 0x80,
      'c',
      (byte) 0xED,
      (byte) 0xA0,
      (byte) 0x80,
      'd',
      (byte) 0xF0,
      (byte) 0x9F
    };
    String ours = readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), 100);
    String jdk =
        readAll(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), 100);
    assertThat(ours.replace("\uFFFD", "?")).startsWith("a?b").contains("c").contains("d");
    assertThat(ours.chars().filter(c -> c == 0xFFFD).count()).isPositive();
    assertThat(ours.replaceAll("\uFFFD+", "?")).isEqualTo(jdk.replaceAll("\uFFFD+", "?"));
  }

  private static String readAll(Reader reader, int ask) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[ask];
    for (int n = reader.read(buffer, 0, ask); n >= 0; n = reader.read(buffer, 0, ask)) {
      text.append(buffer, 0, n);
    }
    return text.toString();
  }

  /** An input that hands over at most {@code chunk} bytes a read, sometimes fewer. */
  private static InputStream chunked(byte[] bytes, int chunk, Random random) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(chunk)));
      }
    };
  }
}
