package org.oko.scans;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.events.Outbox;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.SheetNames.Identity;
import org.oko.scans.SheetStore.NewSheet;
import org.oko.scans.ZipUnpacker.Rejected;
import org.oko.scans.ZipUnpacker.Unpacked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What happens when a batch's last byte has arrived: its chunks are put together (and checked
 * against the declared SHA-256), a zip is unpacked, every file is kept as its own blob, and the
 * sheets, the batch's end and one {@link SheetStatusChanged} per sheet are written in one
 * transaction. A refused batch ends REJECTED with the reason and no sheet. The chunks go either
 * way.
 */
@Component
class BatchCompletionService {

  private static final Logger log = LoggerFactory.getLogger(BatchCompletionService.class);

  private final BatchStore batches;
  private final SheetStore sheets;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ZipUnpacker unpacker;

  BatchCompletionService(
      BatchStore batches,
      SheetStore sheets,
      BlobStore blobs,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock,
      ScansProperties properties) {
    this.batches = batches;
    this.sheets = sheets;
    this.blobs = blobs;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.unpacker = new ZipUnpacker(properties);
  }

  /** The batch was ended meanwhile (cancelled): nothing of it is kept. */
  private static final class AlreadyEnded extends RuntimeException {
    AlreadyEnded() {
      super("The batch was ended meanwhile");
    }
  }

  Mono<Void> complete(BatchRow batch) {
    return Mono.zip(batches.chunkKeys(batch.id()).collectList(), blobs.tempFile(), Chunks::new)
        .flatMap(
            chunks ->
                Mono.fromCallable(() -> unpack(batch, chunks.keys(), chunks.temp()))
                    .subscribeOn(Schedulers.boundedElastic()))
        .flatMap(files -> keep(batch, files))
        .onErrorResume(e -> failed(batch, e))
        .then(dropChunks(batch.id()));
  }

  /** A batch's chunks, and the file they are put together in. */
  private record Chunks(List<String> keys, Path temp) {}

  /** The batch ends REJECTED with the reason (unless it was ended meanwhile). */
  private Mono<Void> failed(BatchRow batch, Throwable e) {
    if (e instanceof AlreadyEnded) {
      return Mono.empty();
    }
    if (e instanceof Rejected) {
      return batches
          .finish(batch.id(), "UNPACKING", "REJECTED", e.getMessage(), clock.instant())
          .then();
    }
    log.error("Could not unpack the scan batch {}", batch.id(), e);
    return batches
        .finish(
            batch.id(),
            "UNPACKING",
            "REJECTED",
            "Не удалось обработать пакет из-за сбоя на сервере. Загрузите его заново.",
            clock.instant())
        .then();
  }

  /** Blocking: the assembled file checked, and the files it holds unpacked. */
  private List<Unpacked> unpack(BatchRow batch, List<String> chunkKeys, Path temp)
      throws Exception {
    boolean keepTemp = false;
    try {
      ChunkAssembly.Assembled assembled = ChunkAssembly.assemble(blobs, chunkKeys, temp);
      if (assembled.size() != batch.size()) {
        throw new Rejected(
            "Получено "
                + assembled.size()
                + " байт вместо "
                + batch.size()
                + ". Загрузите файл заново.");
      }
      if (batch.sha256() != null && !batch.sha256().equalsIgnoreCase(assembled.sha256())) {
        throw new Rejected(
            "Контрольная сумма не совпадает: файл повреждён при передаче. Загрузите его заново.");
      }
      if (SheetNames.isZip(batch.fileName())) {
        return unpacker.unpack(temp);
      }
      keepTemp = true;
      return List.of(
          new Unpacked(
              batch.fileName(),
              temp,
              assembled.size(),
              SheetNames.sheetType(batch.fileName()),
              SheetNames.fromName(batch.fileName())));
    } finally {
      if (!keepTemp) {
        ZipUnpacker.deleteQuietly(temp);
      }
    }
  }

  /** Each file kept as a blob, then the sheets and events in one transaction. */
  private Mono<Void> keep(BatchRow batch, List<Unpacked> files) {
    List<String> adopted = Collections.synchronizedList(new ArrayList<>());
    return Flux.fromIterable(files)
        .concatMap(
            file ->
                blobs
                    .adopt(file.temp())
                    .doOnNext(blob -> adopted.add(blob.key()))
                    .map(blob -> newSheet(file, blob)))
        .collectList()
        .flatMap(list -> finish(batch, list))
        .onErrorResume(e -> forget(adopted, files).then(Mono.error(e)));
  }

  /** The batch DONE, its sheets and their events, in one transaction. */
  private Mono<Void> finish(BatchRow batch, List<NewSheet> list) {
    return batches
        .finish(batch.id(), "UNPACKING", "DONE", null, clock.instant())
        .flatMap(ended -> ended ? insert(batch, list) : Mono.<Void>error(new AlreadyEnded()))
        .as(tx::transactional);
  }

  /** After a failure: the blobs already kept and the files still on disk go. */
  private Mono<Void> forget(List<String> adopted, List<Unpacked> files) {
    return Flux.fromIterable(List.copyOf(adopted))
        .concatMap(blobs::delete)
        .then(
            Mono.fromRunnable(() -> files.forEach(f -> ZipUnpacker.deleteQuietly(f.temp())))
                .subscribeOn(Schedulers.boundedElastic()))
        .then();
  }

  private Mono<Void> insert(BatchRow batch, List<NewSheet> list) {
    var org = batch.organization();
    return sheets
        .insertAll(
            batch.id(),
            batch.campaignId(),
            batch.subjectKey(),
            org.id(),
            org.regionCode(),
            list,
            clock.instant())
        .map(
            s ->
                new SheetStatusChanged(
                    s.id(),
                    batch.id(),
                    batch.campaignId(),
                    batch.subjectKey(),
                    org.id(),
                    org.regionCode(),
                    s.status(),
                    null,
                    clock.instant()))
        .collectList()
        .flatMap(
            events -> outbox.appendAll(SheetStatusChanged.TOPIC, events, SheetStatusChanged::key));
  }

  private static NewSheet newSheet(Unpacked file, StoredBlob blob) {
    Identity id = file.identity();
    if (file.contentType() == null) {
      return new NewSheet(
          file.name(),
          SheetNames.UNKNOWN_TYPE,
          blob.key(),
          blob.size(),
          id.kit(),
          id.page(),
          "ERROR",
          "NOT_AN_IMAGE",
          "Файл «"
              + SheetNames.baseName(file.name())
              + "» не является сканом листа: загрузите вместо него изображение PNG, JPEG, TIFF"
              + " или PDF.");
    }
    return new NewSheet(
        file.name(),
        file.contentType(),
        blob.key(),
        blob.size(),
        id.kit(),
        id.page(),
        "UPLOADED",
        null,
        null);
  }

  /** After the batch has ended: its chunks are no longer needed. */
  Mono<Void> dropChunks(long batchId) {
    return batches.deleteChunks(batchId).concatMap(blobs::delete).then();
  }
}
