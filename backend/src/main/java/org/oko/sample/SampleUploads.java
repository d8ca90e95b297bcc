package org.oko.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.UnreadableWorkbookException;
import org.oko.platform.excel.WorkbookLimitException;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.platform.web.UploadBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handlers of the two workbook uploads. Everything that can be refused without the file (role,
 * scope, closed stage, published region) is refused before the body is read; the body then streams
 * to a temporary file (413 past {@code oko.sample.max-upload-size}), which is checked to really be
 * an {@code .xlsx} (415), parsed off the event loop and always deleted afterwards.
 */
@Component
class SampleUploads {

  private final BlobStore blobs;
  private final CampaignDirectory campaigns;
  private final StageGate stages;
  private final PreliminaryLists lists;
  private final Verifications verifications;
  private final long maxBytes;

  SampleUploads(
      BlobStore blobs,
      CampaignDirectory campaigns,
      StageGate stages,
      PreliminaryLists lists,
      Verifications verifications,
      SampleProperties properties) {
    this.blobs = blobs;
    this.campaigns = campaigns;
    this.stages = stages;
    this.lists = lists;
    this.verifications = verifications;
    this.maxBytes = properties.maxUploadSize().toBytes();
  }

  Mono<ServerResponse> preliminaryList(ServerRequest request) {
    long campaignId = campaignId(request);
    String region = request.pathVariable("regionCode");
    if (!region.matches("[0-9]{2}")) {
      return Mono.error(new InvalidRequestException("regionCode", "недопустимое значение"));
    }
    return CurrentCaller.withRole(Role.REGIONAL, Role.FEDERAL)
        .flatMap(
            caller ->
                lists
                    .access(caller, campaignId, region)
                    .flatMap(
                        campaign ->
                            lists
                                .requireEditable(campaignId, region)
                                .then(
                                    staged(
                                        request,
                                        file ->
                                            readList(file, campaignId, region)
                                                .flatMap(
                                                    parsed ->
                                                        lists.submit(
                                                            caller,
                                                            campaign,
                                                            region,
                                                            proposals(parsed),
                                                            parsed.problems()))))))
        .flatMap(
            result ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
  }

  private static Mono<SampleWorkbookReader.Parsed> readList(
      Path file, long campaignId, String region) {
    return Mono.fromCallable(
            () -> {
              SampleWorkbookReader.requireMadeFor(
                  SampleWorkbookReader.signature(file, FormSignature.PRELIMINARY_LIST),
                  FormSignature.preliminaryList(campaignId, region));
              return SampleWorkbookReader.lines(file, false);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The rows saying «да»: those saying «нет» are simply not in the list. */
  private static List<Proposal> proposals(SampleWorkbookReader.Parsed parsed) {
    return parsed.lines().stream()
        .filter(SampleWorkbookReader.Line::participates)
        .map(line -> new Proposal(line.login(), line.attributes(), line.place()))
        .toList();
  }

  Mono<ServerResponse> verificationForm(ServerRequest request) {
    long campaignId = campaignId(request);
    return CurrentCaller.withRole(SampleController.VERIFIERS)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(
                        campaign ->
                            // The federal organizer's region is known only from the file.
                            (caller.isFederal()
                                    ? Mono.<Void>empty()
                                    : stages.requireOpen(
                                        campaignId, Stage.VERIFICATION, caller.regionCode(), null))
                                .then(
                                    staged(
                                        request,
                                        file -> verifications.upload(caller, campaign, file)))))
        .flatMap(
            diff ->
                ServerResponse.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(diff));
  }

  /** Streams the body to a temporary file, checks it is an .xlsx, works on it, deletes it. */
  private <T> Mono<T> staged(ServerRequest request, Function<Path, Mono<T>> work) {
    return blobs.withStaged(
        UploadBody.of(request),
        maxBytes,
        file ->
            Mono.fromCallable(() -> WorkbookReader.looksLikeXlsx(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(
                    xlsx ->
                        xlsx
                            ? work.apply(file)
                            : Mono.error(
                                new UnsupportedTypeException(
                                    "Загрузите книгу Excel (.xlsx): полученный файл ею не"
                                        + " является")))
                .onErrorMap(
                    UnreadableWorkbookException.class,
                    e -> new UnsupportedTypeException(e.getMessage()))
                .onErrorMap(
                    WorkbookLimitException.class,
                    e -> SampleWorkbookReader.refused(e.getMessage())));
  }

  private static long campaignId(ServerRequest request) {
    try {
      return Long.parseLong(request.pathVariable("campaignId"));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("campaignId", "недопустимое значение");
    }
  }
}
