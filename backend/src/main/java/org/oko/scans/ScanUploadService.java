package org.oko.scans;

import java.time.Clock;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ByteSizes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PayloadTooLargeException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.SheetNames.Identity;
import org.oko.scans.SheetStore.SheetRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The streamed uploads of scans: a chunk of a batch, stored as its own blob before it is counted,
 * and a corrected file for one sheet. Neither is ever held in memory.
 */
@Service
class ScanUploadService {

  private static final Logger log = LoggerFactory.getLogger(ScanUploadService.class);

  private final UploadAccess access;
  private final ScanBatchService batchService;
  private final BatchStore batches;
  private final SheetStore sheets;
  private final BatchCompletionService completion;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ScansProperties properties;

  ScanUploadService(
      UploadAccess access,
      ScanBatchService batchService,
      BatchStore batches,
      SheetStore sheets,
      BatchCompletionService completion,
      BlobStore blobs,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock,
      ScansProperties properties) {
    this.access = access;
    this.batchService = batchService;
    this.batches = batches;
    this.sheets = sheets;
    this.completion = completion;
    this.blobs = blobs;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  /** Stores and counts the chunk at {@code offset}; emits the batch as it is afterwards. */
  Mono<BatchRow> uploadChunk(Caller caller, long batchId, long offset, Flux<DataBuffer> body) {
    UploadAccess.requireUploaderRole(caller);
    return uploadableBatch(caller, batchId)
        .flatMap(batch -> storeChunk(batch, offset, body))
        .flatMap(batches::find);
  }

  private Mono<Long> storeChunk(BatchRow batch, long offset, Flux<DataBuffer> body) {
    if (offset != batch.receivedBytes()) {
      return Mono.error(wrongOffset(batch.receivedBytes()));
    }
    long remaining = batch.size() - offset;
    return blobs
        .store(body, remaining)
        .onErrorMap(PayloadTooLargeException.class, e -> pastDeclaredSize(batch))
        .flatMap(blob -> take(batch, offset, blob));
  }

  /** The limit of a chunk is what is left of the size declared when the batch was opened. */
  private static PayloadTooLargeException pastDeclaredSize(BatchRow batch) {
    return new PayloadTooLargeException(
        "Передано больше, чем заявлено для пакета «"
            + batch.fileName()
            + "» ("
            + ByteSizes.text(batch.size())
            + "): эта часть не сохранена. Отправьте файл, размер которого указан при создании"
            + " пакета, или создайте пакет заново.");
  }

  /** The batch, if the caller may send its bytes now; 404, 403 or 409 otherwise. */
  private Mono<BatchRow> uploadableBatch(Caller caller, long batchId) {
    return batches
        .find(batchId)
        .filter(b -> ScanAccess.seesOrganization(caller, b.organization()))
        .switchIfEmpty(Mono.error(() -> ScanBatchService.batchNotFound(batchId)))
        .flatMap(
            batch ->
                access
                    .requireUploader(caller, batch.campaignId(), batch.organization())
                    .then(ScanBatchService.requireReceiving(batch))
                    .then(
                        batchService.requireScanningOpen(
                            caller, batch.campaignId(), batch.organization()))
                    .thenReturn(batch));
  }

  /**
   * Counts a stored chunk, unless another chunk at the same offset got there first (then it is
   * dropped and the client told where to resume); completes the batch with its last byte.
   */
  private Mono<Long> take(BatchRow batch, long offset, StoredBlob blob) {
    if (blob.size() == 0) {
      return blobs
          .delete(blob.key())
          .then(Mono.error(new InvalidRequestException("body", "Фрагмент пуст: пришлите байты")));
    }
    // Detached from the request: a client that hangs up once its chunk is stored must not leave
    // the chunk counted but the batch half completed.
    Mono<Long> counted =
        batches
            .advance(batch.id(), offset, blob.size(), blob.key(), clock.instant())
            .flatMap(taken -> taken ? counted(batch, offset, blob) : overtaken(batch, blob));
    return Mono.fromFuture(counted.toFuture(), true);
  }

  private Mono<Long> counted(BatchRow batch, long offset, StoredBlob blob) {
    if (offset + blob.size() == batch.size()) {
      unpackInBackground(batch);
    }
    return Mono.just(batch.id());
  }

  /** Another chunk at the same offset was counted first: this one goes. */
  private Mono<Long> overtaken(BatchRow batch, StoredBlob blob) {
    return blobs
        .delete(blob.key())
        .then(batches.find(batch.id()))
        .flatMap(
            now ->
                Mono.error(
                    now.receiving()
                        ? wrongOffset(now.receivedBytes())
                        : ScanBatchService.notReceiving(now.status())));
  }

  /**
   * The batch is UNPACKING: its check and unpack run after the answer, which a big zip would
   * otherwise keep waiting for minutes (and a proxy could cut, making the client send it again).
   * Should this instance stop meanwhile, {@link StuckBatchWorker} completes the batch later.
   */
  private void unpackInBackground(BatchRow batch) {
    completion
        .complete(batch)
        .subscribe(null, e -> log.error("The scan batch {} was left unpacking", batch.id(), e));
  }

  private static ConflictException wrongOffset(long expected) {
    return new ConflictException(
        "Неверное смещение фрагмента: ожидалось "
            + expected
            + " (Upload-Offset). Продолжите загрузку с байта "
            + expected
            + ".");
  }

  /**
   * Keeps a corrected file for the sheet as a new UPLOADED sheet that replaces it once accepted;
   * emits the new sheet.
   *
   * @param fileName already sanitized
   */
  Mono<SheetRow> replaceSheet(Caller caller, long sheetId, String fileName, Flux<DataBuffer> body) {
    UploadAccess.requireUploaderRole(caller);
    String contentType = SheetNames.sheetType(fileName);
    return replaceableSheet(caller, sheetId)
        .flatMap(
            old -> {
              if (contentType == null) {
                return Mono.error(
                    new UnsupportedTypeException(SheetNames.forbidden(fileName, false)));
              }
              return blobs
                  .store(body, properties.maxSheetSize().toBytes())
                  .flatMap(blob -> keepReplacement(old, fileName, contentType, blob));
            })
        .flatMap(sheets::find);
  }

  private Mono<SheetRow> replaceableSheet(Caller caller, long sheetId) {
    return sheets
        .find(sheetId)
        .filter(s -> ScanAccess.seesOrganization(caller, s.organization()))
        .switchIfEmpty(Mono.error(() -> ScanSheetService.sheetNotFound(sheetId)))
        .flatMap(
            sheet ->
                access
                    .requireUploader(caller, sheet.campaignId(), sheet.organization())
                    .then(requireReplaceable(sheet))
                    .then(
                        batchService.requireScanningOpen(
                            caller, sheet.campaignId(), sheet.organization()))
                    .thenReturn(sheet));
  }

  private static Mono<Void> requireReplaceable(SheetRow sheet) {
    String refusal = notReplaceable(sheet.status());
    return refusal == null ? Mono.empty() : Mono.error(new ConflictException(refusal));
  }

  /** Why a sheet in this status cannot be replaced, or null when it can. */
  private static String notReplaceable(String status) {
    return switch (status) {
      case "REPLACED" -> "Этот лист уже заменён исправленным файлом: замените текущий лист";
      case "ASSIGNED", "SCORED", "VERIFIED" ->
          "Работа уже передана экспертам: заменить лист нельзя";
      default -> null;
    };
  }

  /** The new sheet and its event in one transaction; the blob goes when either fails. */
  private Mono<Long> keepReplacement(
      SheetRow old, String fileName, String contentType, StoredBlob blob) {
    return insertReplacement(old, fileName, contentType, blob)
        .as(tx::transactional)
        .onErrorResume(e -> blobs.delete(blob.key()).then(Mono.error(e)));
  }

  private Mono<Long> insertReplacement(
      SheetRow old, String fileName, String contentType, StoredBlob blob) {
    if (blob.size() == 0) {
      return Mono.error(new InvalidRequestException("body", "Файл пуст: пришлите скан листа"));
    }
    Identity named = SheetNames.fromName(fileName);
    return sheets
        .insertReplacement(
            old.id(),
            fileName,
            contentType,
            blob.key(),
            blob.size(),
            named.kit(),
            named.page(),
            clock.instant())
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "Лист изменился: он уже заменён или передан экспертам. Обновите страницу.")))
        .flatMap(id -> appendUploaded(old, id).thenReturn(id));
  }

  private Mono<Void> appendUploaded(SheetRow old, long id) {
    return outbox.append(
        SheetStatusChanged.TOPIC,
        Long.toString(old.organization().id()),
        new SheetStatusChanged(
            id,
            old.batchId(),
            old.campaignId(),
            old.subjectKey(),
            old.organization().id(),
            old.organization().regionCode(),
            "UPLOADED",
            null,
            clock.instant()));
  }
}
