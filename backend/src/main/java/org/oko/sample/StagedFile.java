package org.oko.sample;

import java.nio.file.Path;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * An uploaded workbook staged to a temporary file when, and only when, a service asks for it — so
 * that everything that can be refused without the file is refused before the body is read — and
 * deleted when the work is done.
 */
@FunctionalInterface
interface StagedFile {

  <T> Mono<T> with(Function<Path, Mono<T>> work);
}
