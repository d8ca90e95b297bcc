package org.oko.campaigns;

import org.oko.api.RegionalWindowsApi;
import org.oko.api.model.RegionalWindowList;
import org.oko.api.model.RegionalWindowsInput;
import org.oko.api.model.StageCode;
import org.oko.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A stage's window per region, in each region's local time (issue 20): maps the API to the service.
 */
@RestController
class RegionalWindowsController implements RegionalWindowsApi {

  private final RegionalWindowService regionalWindows;

  RegionalWindowsController(RegionalWindowService regionalWindows) {
    this.regionalWindows = regionalWindows;
  }

  @Override
  public Mono<ResponseEntity<RegionalWindowList>> listRegionalWindows(
      Long campaignId, StageCode stageCode, ServerWebExchange exchange) {
    Stage stage = CampaignMapper.stage(stageCode);
    return CurrentCaller.get()
        .flatMap(caller -> regionalWindows.list(caller, campaignId, stage))
        .map(items -> ResponseEntity.ok(RegionalWindowMapper.toApi(stage, items)));
  }

  @Override
  public Mono<ResponseEntity<RegionalWindowList>> setRegionalWindows(
      Long campaignId,
      StageCode stageCode,
      Mono<RegionalWindowsInput> body,
      ServerWebExchange exchange) {
    Stage stage = CampaignMapper.stage(stageCode);
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                regionalWindows.set(
                    t.getT1(),
                    campaignId,
                    stage,
                    new RegionalWindowService.Change(
                        t.getT2().getRegionCodes(),
                        t.getT2().getOpensLocal(),
                        t.getT2().getClosesLocal())))
        .map(items -> ResponseEntity.ok(RegionalWindowMapper.toApi(stage, items)));
  }

  @Override
  public Mono<ResponseEntity<RegionalWindowList>> clearRegionalWindow(
      Long campaignId, StageCode stageCode, String regionCode, ServerWebExchange exchange) {
    Stage stage = CampaignMapper.stage(stageCode);
    return CurrentCaller.get()
        .flatMap(caller -> regionalWindows.clear(caller, campaignId, stage, regionCode))
        .map(items -> ResponseEntity.ok(RegionalWindowMapper.toApi(stage, items)));
  }
}
