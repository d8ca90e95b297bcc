package org.oko.platform.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Removal of staged uploads once they have been checked and used. */
final class StagedFiles {

  private static final Logger log = LoggerFactory.getLogger(StagedFiles.class);

  private StagedFiles() {}

  /** Deletes the file off the event loop; a failure is logged, never thrown at the user. */
  static Mono<Void> delete(Path file) {
    return Mono.fromRunnable(
            () -> {
              try {
                Files.deleteIfExists(file);
              } catch (IOException e) {
                log.warn("Could not delete the staged upload {}", file, e);
              }
            })
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }
}
