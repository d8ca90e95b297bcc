package org.oko.platform.blob;

import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where files live (materials, uploaded workbooks, scans): a local directory by default, an
 * S3-compatible store as the scale-out path. Content is always streamed; nothing here holds a whole
 * file in memory.
 */
public interface BlobStore {

  /**
   * Streams {@code content} into a new blob. Errors with {@code PayloadTooLargeException} as soon
   * as more than {@code maxBytes} arrive, leaving nothing behind.
   */
  Mono<StoredBlob> store(Flux<DataBuffer> content, long maxBytes);

  /** Moves a finished local file (such as one unpacked from an archive) into a new blob. */
  Mono<StoredBlob> adopt(Path file);

  /** The blob's content, readable (and seekable, for {@code Range}) as many times as needed. */
  Resource open(String key);

  Mono<Void> delete(String key);

  /**
   * Streams an upload into a temporary file to be checked before anything is kept (a workbook to
   * parse, an archive to unpack). Errors with {@code PayloadTooLargeException} past {@code
   * maxBytes}, leaving nothing behind. The caller deletes the file when done.
   */
  Mono<Path> stage(Flux<DataBuffer> content, long maxBytes);

  /**
   * Stages an upload ({@link #stage}), lets {@code work} check and use the file, and deletes the
   * file afterwards, whatever happened.
   */
  default <T> Mono<T> withStaged(
      Flux<DataBuffer> content, long maxBytes, Function<Path, Mono<T>> work) {
    return Mono.usingWhen(stage(content, maxBytes), work, StagedFiles::delete);
  }

  /**
   * A fresh temporary file on the same volume as the blobs, for staging an upload before it is
   * checked. The caller deletes it when done.
   */
  Mono<Path> tempFile();
}
