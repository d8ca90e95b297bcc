package org.oko.scans;

import java.nio.file.Path;
import java.util.List;

/**
 * The validation pipeline's file checks called in a plain loop on one thread (no Kafka, no
 * database): the baseline of the validation benchmark ({@code org.oko.scans.bench}).
 */
public final class InspectionLoop {

  private InspectionLoop() {}

  /** Inspects every file as {@code contentType}; answers how many passed. */
  public static int run(List<Path> files, String contentType) {
    ImageInspector inspector = new ImageInspector();
    int passed = 0;
    for (Path file : files) {
      if (inspector.inspect(file, contentType).passed()) {
        passed++;
      }
    }
    return passed;
  }
}
