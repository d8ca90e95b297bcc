package org.oko.platform.excel;

import java.nio.file.Path;
import java.util.function.Function;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An uploaded file already staged on disk that must be an {@code .xlsx}: checked off the event loop
 * (415 with a reason in Russian when it is not one), then handed to the feature's reading; a
 * workbook POI cannot open answers 415, one past a limit 422 (on the field {@code file}).
 */
public final class StagedWorkbook {

  static final String NOT_XLSX = "Загрузите книгу Excel (.xlsx): полученный файл ею не является";

  private StagedWorkbook() {}

  /** {@code work} on {@code file} once it looks like an {@code .xlsx}; refusals as above. */
  public static <T> Mono<T> read(Path file, Function<Path, Mono<T>> work) {
    return read(file, work, message -> new UnprocessableException("file", message));
  }

  /** As {@link #read(Path, Function)}, with the feature's own 422 for a workbook past a limit. */
  public static <T> Mono<T> read(
      Path file,
      Function<Path, Mono<T>> work,
      Function<String, ? extends RuntimeException> pastLimit) {
    return Mono.fromCallable(() -> WorkbookReader.looksLikeXlsx(file))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(xlsx -> xlsx ? work.apply(file) : Mono.<T>error(notXlsx()))
        .onErrorMap(
            UnreadableWorkbookException.class, e -> new UnsupportedTypeException(e.getMessage()))
        .onErrorMap(WorkbookLimitException.class, e -> pastLimit.apply(e.getMessage()));
  }

  private static UnsupportedTypeException notXlsx() {
    return new UnsupportedTypeException(NOT_XLSX);
  }
}
