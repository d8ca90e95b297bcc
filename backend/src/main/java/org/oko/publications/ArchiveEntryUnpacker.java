package org.oko.publications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.oko.platform.excel.OfficeFileGuard;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * Unpacks one entry of an uploaded archive, counting the bytes that really come out (the sizes in
 * the archive's headers are never trusted): a zip bomb, a damaged entry, content that is not of its
 * type or an Office file that embeds what it may not is named, for {@link ArchiveRouter}.
 */
final class ArchiveEntryUnpacker {

  static final long MAX_TOTAL_BYTES = 2L * 1024 * 1024 * 1024;
  static final long MAX_RATIO = 100;

  /**
   * The ratio is judged only past this size: a small file of repetitive text may well compress a
   * hundredfold, and cannot do harm however it compresses.
   */
  static final long RATIO_FLOOR_BYTES = 1024 * 1024;

  private ArchiveEntryUnpacker() {}

  /**
   * Unpacks the entry {@code name} to {@code temp}, adding to {@code total}; a problem with it is
   * added to {@code problems}, and an archive past {@link #MAX_TOTAL_BYTES} is refused at once.
   */
  static void unpack(
      ZipFile zip,
      String name,
      String fileName,
      FileType type,
      Path temp,
      AtomicLong total,
      List<FieldProblem> problems) {
    ZipEntry zipEntry = zip.getEntry(name);
    // The inflater reads at most the packed size the central directory gives, so the ratio
    // against it bounds what one entry can really produce.
    long ratioLimit = MAX_RATIO * Math.max(zipEntry.getCompressedSize(), 1);
    FileType.Sniffer sniffer = new FileType.Sniffer();
    try (InputStream in = zip.getInputStream(zipEntry);
        OutputStream out = Files.newOutputStream(temp)) {
      byte[] chunk = new byte[64 * 1024];
      long written = 0;
      for (int n; (n = in.read(chunk)) > 0; ) {
        written += n;
        if (total.addAndGet(n) > MAX_TOTAL_BYTES) {
          problems.add(
              FieldProblem.of(
                  name,
                  "Архив распаковывается больше чем в "
                      + (MAX_TOTAL_BYTES >> 30)
                      + " ГБ: такой архив не принимается"));
          throw new UnprocessableException("Архив не принят", List.copyOf(problems));
        }
        if (written > RATIO_FLOOR_BYTES && written > ratioLimit) {
          problems.add(
              FieldProblem.of(
                  name,
                  "Файл «"
                      + name
                      + "» распаковывается более чем в "
                      + MAX_RATIO
                      + " раз больше своего сжатого размера: похоже на zip-бомбу"));
          return;
        }
        sniffer.update(chunk, 0, n);
        out.write(chunk, 0, n);
      }
    } catch (ZipException e) {
      problems.add(FieldProblem.of(name, "Файл в архиве повреждён"));
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!sniffer.isA(type)) {
      problems.add(FieldProblem.of(name, type.mismatch(name)));
      return;
    }
    if (OfficeFileGuard.inspects(fileName)) {
      try {
        OfficeFileGuard.problem(temp, name)
            .ifPresent(problem -> problems.add(FieldProblem.of(name, problem)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
