package org.oko.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.PayloadTooLargeException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blobs as files under one directory, two levels of sharding by key. A blob is written to a
 * temporary file first and moved into place only when complete, so a reader never sees half a file
 * and a failed upload leaves nothing.
 */
@Component
@EnableConfigurationProperties(BlobProperties.class)
class LocalBlobStore implements BlobStore {

  private final Path root;
  private final Path staging;

  LocalBlobStore(BlobProperties properties) throws IOException {
    this.root = properties.dir().toAbsolutePath();
    this.staging = root.resolve("tmp");
    Files.createDirectories(staging);
  }

  @Override
  public Mono<StoredBlob> store(Flux<DataBuffer> content, long maxBytes) {
    return tempFile()
        .flatMap(
            temp -> {
              AtomicLong size = new AtomicLong();
              MessageDigest digest = sha256();
              Flux<DataBuffer> counted =
                  content.doOnNext(
                      buffer -> {
                        if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                          DataBufferUtils.release(buffer);
                          throw new PayloadTooLargeException(maxBytes);
                        }
                        try (var it = buffer.readableByteBuffers()) {
                          it.forEachRemaining(digest::update);
                        }
                      });
              return DataBufferUtils.write(counted, temp)
                  .then(
                      Mono.fromCallable(() -> moveIntoPlace(temp, size.get(), hex(digest)))
                          .subscribeOn(Schedulers.boundedElastic()))
                  .onErrorResume(e -> deleteQuietly(temp).then(Mono.error(e)));
            });
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public Mono<Path> stage(Flux<DataBuffer> content, long maxBytes) {
    return tempFile()
        .flatMap(
            temp -> {
              AtomicLong size = new AtomicLong();
              Flux<DataBuffer> limited =
                  content.doOnNext(
                      buffer -> {
                        if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                          DataBufferUtils.release(buffer);
                          throw new PayloadTooLargeException(maxBytes);
                        }
                      });
              return DataBufferUtils.write(limited, temp)
                  .thenReturn(temp)
                  .onErrorResume(e -> deleteQuietly(temp).then(Mono.error(e)));
            });
  }

  @Override
  public Mono<StoredBlob> adopt(Path file) {
    return Mono.fromCallable(
            () -> {
              MessageDigest digest = sha256();
              try (InputStream in = Files.newInputStream(file)) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) > 0; ) {
                  digest.update(chunk, 0, n);
                }
              }
              return moveIntoPlace(
                  file, Files.size(file), HexFormat.of().formatHex(digest.digest()));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Resource open(String key) {
    Path path = pathOf(key);
    if (!Files.isRegularFile(path)) {
      throw new NotFoundException("Файл не найден");
    }
    return new FileSystemResource(path);
  }

  @Override
  public Mono<Void> delete(String key) {
    return Mono.fromCallable(() -> Files.deleteIfExists(pathOf(key)))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  @Override
  public Mono<Path> tempFile() {
    return Mono.fromCallable(() -> Files.createTempFile(staging, "upload-", ".part"))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private StoredBlob moveIntoPlace(Path temp, long size, String sha256) throws IOException {
    String key = UUID.randomUUID().toString();
    Path target = pathOf(key);
    Files.createDirectories(target.getParent());
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    return new StoredBlob(key, size, sha256);
  }

  private Path pathOf(String key) {
    if (!key.matches("[0-9a-f-]{36}")) {
      throw new NotFoundException("Файл не найден");
    }
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  private static Mono<Void> deleteQuietly(Path file) {
    return Mono.fromRunnable(
            () -> {
              try {
                Files.deleteIfExists(file);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(e -> Mono.empty())
        .then();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
