package org.oko.scans;

import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Clock;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.ByteSizes;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PayloadTooLargeException;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.scans.BatchStore.BatchRow;
import org.oko.scans.SheetNames.Identity;
import org.oko.scans.SheetStore.SheetRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The streamed uploads of scans (tag {@code uploads}): a chunk of a batch, stored as its own blob
 * before it is counted, and a corrected file for one sheet. Neither is ever held in memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScansProperties.class)
class ScanUploadRoutes {

  private static final Logger log = LoggerFactory.getLogger(ScanUploadRoutes.class);

  static final String UPLOAD_OFFSET = "Upload-Offset";

  private final UploadAccess access;
  private final BatchStore batches;
  private final SheetStore sheets;
  private final BatchCompletion completion;
  private final StageGate stages;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final ScansProperties properties;

  ScanUploadRoutes(
      UploadAccess access,
      BatchStore batches,
      SheetStore sheets,
      BatchCompletion completion,
      StageGate stages,
      BlobStore blobs,
      Outbox outbox,
      TransactionalOperator tx,
      Clock clock,
      ScansProperties properties) {
    this.access = access;
    this.batches = batches;
    this.sheets = sheets;
    this.completion = completion;
    this.stages = stages;
    this.blobs = blobs;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Bean
  RouterFunction<ServerResponse> scanUploads() {
    return route(
            PATCH("/api/scan-batches/{batchId}/content"),
            request -> Mono.defer(() -> uploadChunk(request)))
        .andRoute(
            POST("/api/scan-sheets/{sheetId}/replacement"),
            request -> Mono.defer(() -> replaceSheet(request)))
        .filter(RouteProblems.filter());
  }

  Mono<ServerResponse> uploadChunk(ServerRequest request) {
    long batchId = id(request, "batchId");
    long offset = offset(request);
    return CurrentCaller.get()
        .doOnNext(UploadAccess::requireUploaderRole)
        .flatMap(caller -> uploadableBatch(caller, batchId))
        .flatMap(
            batch -> {
              if (offset != batch.receivedBytes()) {
                return Mono.error(wrongOffset(batch.receivedBytes()));
              }
              long remaining = batch.size() - offset;
              return blobs
                  .store(request.bodyToFlux(DataBuffer.class), remaining)
                  .onErrorMap(PayloadTooLargeException.class, e -> pastDeclaredSize(batch))
                  .flatMap(blob -> take(batch, offset, blob));
            })
        .flatMap(batches::find)
        .flatMap(
            batch ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ScanViews.batch(batch)));
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
        .switchIfEmpty(Mono.error(() -> ScansController.batchNotFound(batchId)))
        .flatMap(
            batch ->
                access
                    .requireUploader(caller, batch.campaignId(), batch.organization())
                    .then(ScansController.requireReceiving(batch))
                    .then(
                        stages.requireOpen(
                            batch.campaignId(),
                            Stage.SCANNING,
                            batch.organization().regionCode(),
                            batch.organization().id()))
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
            .flatMap(
                taken -> {
                  if (!taken) {
                    return blobs
                        .delete(blob.key())
                        .then(batches.find(batch.id()))
                        .flatMap(
                            now ->
                                Mono.error(
                                    now.receiving()
                                        ? wrongOffset(now.receivedBytes())
                                        : ScansController.notReceiving(now.status())));
                  }
                  if (offset + blob.size() == batch.size()) {
                    unpackInBackground(batch);
                  }
                  return Mono.just(batch.id());
                });
    return Mono.fromFuture(counted.toFuture(), true);
  }

  /**
   * The batch is UNPACKING: its check and unpack run after the answer, which a big zip would
   * otherwise keep waiting for minutes (and a proxy could cut, making the client send it again).
   * Should this instance stop meanwhile, {@link StuckBatches} completes the batch later.
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

  Mono<ServerResponse> replaceSheet(ServerRequest request) {
    long sheetId = id(request, "sheetId");
    String fileName = SheetNames.sanitized(request.queryParam("fileName").orElse(null), "fileName");
    if (fileName.length() > 255) {
      throw new InvalidRequestException("fileName", "Имя файла длиннее 255 символов");
    }
    String contentType = SheetNames.sheetType(fileName);
    return CurrentCaller.get()
        .doOnNext(UploadAccess::requireUploaderRole)
        .flatMap(caller -> replaceableSheet(caller, sheetId))
        .flatMap(
            old -> {
              if (contentType == null) {
                return Mono.error(
                    new UnsupportedTypeException(SheetNames.forbidden(fileName, false)));
              }
              return blobs
                  .store(request.bodyToFlux(DataBuffer.class), properties.maxSheetSize().toBytes())
                  .flatMap(
                      blob ->
                          keepReplacement(old, fileName, contentType, blob)
                              .onErrorResume(e -> blobs.delete(blob.key()).then(Mono.error(e))));
            })
        .flatMap(sheets::find)
        .flatMap(
            sheet ->
                ServerResponse.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ScanViews.sheet(sheet)));
  }

  private Mono<SheetRow> replaceableSheet(Caller caller, long sheetId) {
    return sheets
        .find(sheetId)
        .filter(s -> ScanAccess.seesOrganization(caller, s.organization()))
        .switchIfEmpty(Mono.error(() -> ScansController.sheetNotFound(sheetId)))
        .flatMap(
            sheet ->
                access
                    .requireUploader(caller, sheet.campaignId(), sheet.organization())
                    .then(
                        notReplaceable(sheet.status()) == null
                            ? Mono.empty()
                            : Mono.error(new ConflictException(notReplaceable(sheet.status()))))
                    .then(
                        stages.requireOpen(
                            sheet.campaignId(),
                            Stage.SCANNING,
                            sheet.organization().regionCode(),
                            sheet.organization().id()))
                    .thenReturn(sheet));
  }

  /** Why a sheet in this status cannot be replaced, or null when it can. */
  private static String notReplaceable(String status) {
    switch (status) {
      case "REPLACED":
        return "Этот лист уже заменён исправленным файлом: замените текущий лист";
      case "ASSIGNED":
      case "SCORED":
      case "VERIFIED":
        return "Работа уже передана экспертам: заменить лист нельзя";
      default:
        return null;
    }
  }

  private Mono<Long> keepReplacement(
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
        .flatMap(
            id ->
                outbox
                    .append(
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
                            clock.instant()))
                    .thenReturn(id))
        .as(tx::transactional);
  }

  private static long id(ServerRequest request, String name) {
    try {
      return Long.parseLong(request.pathVariable(name));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "Неверный номер в адресе: " + name);
    }
  }

  private static long offset(ServerRequest request) {
    String value = request.headers().firstHeader(UPLOAD_OFFSET);
    if (value == null) {
      throw new InvalidRequestException(UPLOAD_OFFSET, "Укажите заголовок Upload-Offset");
    }
    try {
      long offset = Long.parseLong(value.strip());
      if (offset < 0) {
        throw new NumberFormatException();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          UPLOAD_OFFSET, "Upload-Offset должен быть неотрицательным целым числом");
    }
  }
}
