package org.oko.platform.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reports every byte it hands out, so that a limit (an entry's inflated size, the
 * shared strings' size) is enforced while reading rather than after a bomb has gone off.
 */
abstract class CountedInput extends FilterInputStream {

  CountedInput(InputStream in) {
    super(in);
  }

  /** Called with the number of bytes just read; throws to stop the read. */
  protected abstract void counted(int n);

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }
}
