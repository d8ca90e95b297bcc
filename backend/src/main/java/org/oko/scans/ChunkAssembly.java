package org.oko.scans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.oko.platform.blob.BlobStore;

/**
 * Puts a batch's chunks back together, in order, into one file, computing its SHA-256 on the way.
 * Blocking: call it on a worker thread.
 */
final class ChunkAssembly {

  private ChunkAssembly() {}

  record Assembled(long size, String sha256) {}

  static Assembled assemble(BlobStore blobs, List<String> chunkKeys, Path target)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      for (String key : chunkKeys) {
        try (InputStream in = blobs.open(key).getInputStream()) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            size += n;
          }
        }
      }
    }
    return new Assembled(size, HexFormat.of().formatHex(digest.digest()));
  }
}
