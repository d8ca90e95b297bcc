package org.oko.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.oko.platform.blob.BlobStore;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A list of passwords waiting for its one download: AES-256-GCM ciphertext in the blob store, the
 * key in the hand-out's row. A copy of the blob directory alone, or of the database alone, reveals
 * no password; both are dropped when the file is downloaded.
 */
@Component
class HandoutFileStore {

  /** Where the sealed file is and the key that opens it. */
  record Sealed(String blobKey, byte[] key) {}

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private final BlobStore blobs;
  private final SecureRandom random = new SecureRandom();

  HandoutFileStore(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Encrypts {@code plain} under a fresh key and stores the ciphertext. */
  Mono<Sealed> seal(byte[] plain) {
    byte[] key = new byte[32];
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(key);
    random.nextBytes(nonce);
    return Mono.fromCallable(() -> encrypt(key, nonce, plain))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            file ->
                blobs.store(
                    Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(file)), MAX_BYTES))
        .map(stored -> new Sealed(stored.key(), key));
  }

  /** Reads and decrypts a sealed file (off the event loop). */
  Mono<byte[]> open(Sealed file) {
    return Mono.fromCallable(
            () -> {
              try (InputStream in = blobs.open(file.blobKey()).getInputStream()) {
                return decrypt(file.key(), in.readAllBytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Removes the ciphertext; a failure is not the caller's: the key is gone already. */
  Mono<Void> discard(String blobKey) {
    return blobs.delete(blobKey).onErrorResume(e -> Mono.empty());
  }

  private static byte[] encrypt(byte[] key, byte[] nonce, byte[] plain)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    byte[] body = cipher.doFinal(plain);
    return ByteBuffer.allocate(NONCE_BYTES + body.length).put(nonce).put(body).array();
  }

  private static byte[] decrypt(byte[] key, byte[] packed) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(TAG_BITS, packed, 0, NONCE_BYTES));
    return cipher.doFinal(packed, NONCE_BYTES, packed.length - NONCE_BYTES);
  }
}
