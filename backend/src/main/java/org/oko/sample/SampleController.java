package org.oko.sample;

import org.oko.api.SampleApi;
import org.oko.api.model.PreliminaryListInput;
import org.oko.api.model.PreliminaryListResult;
import org.oko.api.model.SampleDrawInput;
import org.oko.api.model.SampleEntryPage;
import org.oko.api.model.SamplePublishInput;
import org.oko.api.model.SampleSelectionInput;
import org.oko.api.model.SampleStatus;
import org.oko.api.model.SampleSummary;
import org.oko.api.model.VerificationDiff;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sample (tag {@code sample}): regions submit preliminary lists, the federal organizer draws,
 * adjusts and publishes the sample, coordinators read their part and verify it. The two workbook
 * uploads are streamed routes in {@link SampleUploadRoutes}.
 */
@RestController
class SampleController implements SampleApi {

  /** Who reads the sample: coordinators at every level (and regional systems, as their region). */
  private static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT, Role.MUNICIPAL, Role.RESPONSIBLE
  };

  static final Role[] VERIFIERS = {Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE};

  private final SampleService sample;

  SampleController(SampleService sample) {
    this.sample = sample;
  }

  @Override
  public Mono<ResponseEntity<SampleEntryPage>> listSampleEntries(
      Long campaignId,
      String regionCode,
      Long municipalityId,
      SampleStatus status,
      String q,
      Integer page,
      Integer size,
      String after,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    var filters =
        new SampleService.Filters(
            regionCode, municipalityId, status == null ? null : status.getValue(), q);
    return CurrentCaller.withRole(READERS)
        .flatMap(caller -> sample.entries(caller, campaignId, filters, paging, after))
        .map(
            p -> {
              // login order either way, so a page by number continues by keyset too
              String next =
                  NextLinks.next(exchange, paging.size(), p.items(), e -> e.organization().login());
              SampleEntryPage answer =
                  new SampleEntryPage(
                          page,
                          size,
                          p.total(),
                          paging.totalPages(p.total()),
                          p.items().stream().map(SampleMapper::toApi).toList())
                      .next(next);
              return ResponseEntity.ok().headers(NextLinks.header(next)).body(answer);
            });
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> getSampleSummary(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(READERS)
        .flatMap(caller -> sample.summary(caller, campaignId))
        .map(s -> ResponseEntity.ok(SampleMapper.toApi(s)));
  }

  @Override
  public Mono<ResponseEntity<PreliminaryListResult>> submitPreliminaryList(
      Long campaignId,
      String regionCode,
      Mono<PreliminaryListInput> body,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.REGIONAL, Role.FEDERAL)
        .flatMap(
            caller ->
                sample.submitList(
                    caller,
                    campaignId,
                    regionCode,
                    body.map(in -> SampleMapper.proposals(in.getEntries()))))
        .map(proposed -> ResponseEntity.ok(new PreliminaryListResult(regionCode, proposed)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadPreliminaryListTemplate(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.REGIONAL, Role.FEDERAL)
        .flatMap(caller -> sample.template(caller, campaignId, regionCode))
        .map(w -> WorkbookDownload.response(w.bytes(), w.fileName()));
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> drawSample(
      Long campaignId, Mono<SampleDrawInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                sample.draw(
                    caller,
                    campaignId,
                    body.map(
                        in ->
                            new SampleService.Draw(
                                in.getRegionCodes(), in.getPerRegion(), in.getSeed()))))
        .map(s -> ResponseEntity.ok(SampleMapper.toApi(s)));
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> selectSampleEntries(
      Long campaignId, Mono<SampleSelectionInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                sample.select(
                    caller,
                    campaignId,
                    body.map(in -> new SampleService.Selection(in.getInclude(), in.getExclude()))))
        .map(s -> ResponseEntity.ok(SampleMapper.toApi(s)));
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> publishSample(
      Long campaignId, Mono<SamplePublishInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                sample.publish(
                    caller,
                    campaignId,
                    body.map(
                        in ->
                            in.getRegionCodes() == null
                                ? java.util.List.<String>of()
                                : in.getRegionCodes())))
        .map(s -> ResponseEntity.ok(SampleMapper.toApi(s)));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadVerificationForm(
      Long campaignId, String regionCode, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(VERIFIERS)
        .flatMap(caller -> sample.verificationForm(caller, campaignId, regionCode, municipalityId))
        .map(w -> WorkbookDownload.response(w.bytes(), w.fileName()));
  }

  @Override
  public Mono<ResponseEntity<VerificationDiff>> confirmVerification(
      Long campaignId, Long uploadId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(VERIFIERS)
        .flatMap(caller -> sample.confirmVerification(caller, campaignId, uploadId))
        .map(upload -> ResponseEntity.ok(SampleMapper.toApi(upload)));
  }
}
