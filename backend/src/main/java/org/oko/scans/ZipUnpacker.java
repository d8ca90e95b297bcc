package org.oko.scans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.oko.platform.web.ByteSizes;
import org.oko.scans.SheetNames.Identity;

/**
 * Unpacks a batch's zip, each file to its own temporary file beside the archive, refusing the whole
 * archive at the first sign of trouble: a path that could leave the archive, a link, too many
 * entries, an entry too large or compressed too well (counted from the bytes that really come out,
 * never from the headers). {@code __MACOSX/}, hidden files and folders are skipped. Blocking: call
 * it on a worker thread.
 *
 * <p>Commons Compress rather than {@code java.util.zip}: only it tells a symbolic link from a file.
 */
final class ZipUnpacker {

  /** Below this, an entry's compression ratio is not judged. */
  static final long RATIO_FLOOR_BYTES = 1024 * 1024;

  static final String MANIFEST = "manifest.csv";

  /** A file of the archive, unpacked; {@code contentType} null when it is not a sheet's type. */
  record Unpacked(String name, Path temp, long size, String contentType, Identity identity) {}

  /** The archive as a whole is refused; the message says why, in Russian. */
  static final class Rejected extends RuntimeException {
    Rejected(String message) {
      super(message);
    }
  }

  private final long maxEntryBytes;
  private final int maxEntries;
  private final int maxRatio;

  ZipUnpacker(ScansProperties properties) {
    this.maxEntryBytes = properties.maxSheetSize().toBytes();
    this.maxEntries = properties.maxEntries();
    this.maxRatio = properties.maxCompressionRatio();
  }

  /** Every file of the archive; on any error the temporary files made here are already gone. */
  List<Unpacked> unpack(Path archive) {
    List<Unpacked> done = new ArrayList<>();
    try {
      refuseHugeDirectory(archive);
    } catch (IOException e) {
      throw new Rejected(
          "Архив не принят: он повреждён или не является zip-архивом. Упакуйте файлы заново.");
    }
    try (ZipFile zip = open(archive)) {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      if (entries.size() > maxEntries) {
        throw new Rejected(
            "Архив не принят: в нём больше " + maxEntries + " файлов. Разделите его на части.");
      }
      ZipArchiveEntry manifestEntry = null;
      for (ZipArchiveEntry entry : entries) {
        check(entry);
        if (!entry.isDirectory() && entry.getName().equals(MANIFEST)) {
          manifestEntry = entry;
        }
      }
      Map<String, Identity> manifest =
          manifestEntry == null ? null : manifest(zip, manifestEntry, archive);
      for (ZipArchiveEntry entry : entries) {
        String name = entry.getName();
        if (entry.isDirectory() || skipped(name) || entry == manifestEntry) {
          continue;
        }
        Path temp = Files.createTempFile(archive.getParent(), "scan-", ".part");
        done.add(new Unpacked(name, temp, 0, null, null));
        long size = copy(zip, entry, temp);
        done.set(
            done.size() - 1,
            new Unpacked(name, temp, size, SheetNames.sheetType(name), identity(name, manifest)));
      }
      if (done.isEmpty()) {
        throw new Rejected("Архив не принят: в нём нет ни одного файла.");
      }
      return done;
    } catch (IOException | RuntimeException e) {
      done.forEach(u -> deleteQuietly(u.temp()));
      if (e instanceof Rejected r) {
        throw r;
      }
      throw new Rejected(
          "Архив не принят: он повреждён или не является zip-архивом. Упакуйте файлы заново.");
    }
  }

  /**
   * Refuses an archive whose end record declares more entries (or a larger central directory) than
   * allowed before the directory is read into memory; the entries actually read are counted again.
   */
  private void refuseHugeDirectory(Path archive) throws IOException {
    try (FileChannel channel = FileChannel.open(archive)) {
      long size = channel.size();
      int tail = (int) Math.min(size, 22 + 0xFFFF + 20);
      ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, end, size - tail);
      for (int i = tail - 22; i >= 0; i--) {
        if (end.getInt(i) != 0x06054b50) {
          continue;
        }
        long entries = Short.toUnsignedLong(end.getShort(i + 10));
        long directory = Integer.toUnsignedLong(end.getInt(i + 12));
        if (i >= 20 && end.getInt(i - 20) == 0x07064b50) {
          ByteBuffer zip64 = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
          readFully(channel, zip64, end.getLong(i - 20 + 8));
          if (zip64.getInt(0) == 0x06064b50) {
            entries = zip64.getLong(32);
            directory = zip64.getLong(40);
          }
        }
        if (entries > maxEntries || directory > (long) maxEntries * MAX_DIRECTORY_RECORD) {
          throw new Rejected(
              "Архив не принят: в нём больше " + maxEntries + " файлов. Разделите его на части.");
        }
        return;
      }
    }
  }

  /** A generous size of one entry's record in the central directory (a long name and extras). */
  private static final int MAX_DIRECTORY_RECORD = 1024;

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("Unexpected end of the archive");
      }
    }
  }

  private static ZipFile open(Path archive) throws IOException {
    return ZipFile.builder().setPath(archive).get();
  }

  /** Refuses the archive for an entry that could land outside it or point elsewhere. */
  private static void check(ZipArchiveEntry entry) {
    String name = entry.getName();
    boolean escapes =
        name.isEmpty()
            || name.startsWith("/")
            || name.contains("\\")
            || name.matches("^[A-Za-z]:.*")
            || name.indexOf('\0') >= 0;
    for (String part : name.split("/")) {
      escapes |= part.equals("..");
    }
    if (escapes) {
      throw new Rejected(
          "Архив не принят: недопустимый путь «"
              + name
              + "» (абсолютный путь, «..» или «\\»). Упакуйте файлы заново, без таких путей.");
    }
    if (entry.isUnixSymlink()) {
      throw new Rejected(
          "Архив не принят: «"
              + name
              + "» — символическая ссылка, а не файл. Уберите её из архива.");
    }
  }

  /** Mac OS resource forks and hidden files or folders are not sheets. */
  private static boolean skipped(String name) {
    if (name.startsWith("__MACOSX/")) {
      return true;
    }
    for (String part : name.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Identity identity(String name, Map<String, Identity> manifest) {
    if (manifest != null) {
      Identity byPath = manifest.get(name);
      if (byPath != null) {
        return byPath;
      }
      Identity byBase = manifest.get(SheetNames.baseName(name));
      if (byBase != null) {
        return byBase;
      }
    }
    return SheetNames.fromName(name);
  }

  private Map<String, Identity> manifest(ZipFile zip, ZipArchiveEntry entry, Path beside)
      throws IOException {
    Path temp = Files.createTempFile(beside.getParent(), "manifest-", ".csv");
    try {
      copy(zip, entry, temp);
      try (InputStream in = Files.newInputStream(temp)) {
        return SheetNames.manifest(in);
      }
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Unpacks one entry, counting what really comes out against the limits. */
  private long copy(ZipFile zip, ZipArchiveEntry entry, Path temp) throws IOException {
    if (!zip.canReadEntryData(entry)) {
      throw new Rejected(
          "Архив не принят: файл «"
              + entry.getName()
              + "» сжат неподдерживаемым способом или зашифрован.");
    }
    long ratioLimit = (long) maxRatio * Math.max(entry.getCompressedSize(), 1);
    long written = 0;
    try (InputStream in = zip.getInputStream(entry);
        OutputStream out = Files.newOutputStream(temp)) {
      byte[] chunk = new byte[64 * 1024];
      for (int n; (n = in.read(chunk)) > 0; ) {
        written += n;
        if (written > maxEntryBytes) {
          throw new Rejected(
              "Архив не принят: файл «"
                  + entry.getName()
                  + "» больше "
                  + ByteSizes.text(maxEntryBytes)
                  + ". Отсканируйте лист с меньшим разрешением.");
        }
        if (written > RATIO_FLOOR_BYTES && written > ratioLimit) {
          throw new Rejected(
              "Архив не принят: файл «"
                  + entry.getName()
                  + "» распаковывается более чем в "
                  + maxRatio
                  + " раз больше своего сжатого размера — похоже на zip-бомбу.");
        }
        out.write(chunk, 0, n);
      }
    } catch (ZipException e) {
      throw new Rejected(
          "Архив не принят: файл «"
              + entry.getName()
              + "» в нём повреждён. Упакуйте файлы заново.");
    }
    return written;
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stray temporary file is swept with the staging directory; nothing to tell the user
    }
  }
}
