package org.oko.roadmaps;

import java.util.List;
import org.oko.api.RoadmapsApi;
import org.oko.api.model.RegionalRoadmap;
import org.oko.api.model.RegionalRoadmapInput;
import org.oko.api.model.RoadmapItemInput;
import org.oko.api.model.StageCode;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageNames;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.ApiTimes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The regional roadmap: read by the region's people, replaced by the regional coordinator. */
@RestController
class RoadmapController implements RoadmapsApi {

  private final RoadmapService roadmaps;

  RoadmapController(RoadmapService roadmaps) {
    this.roadmaps = roadmaps;
  }

  @Override
  public Mono<ResponseEntity<RegionalRoadmap>> getRegionalRoadmap(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> roadmaps.get(caller, campaignId, regionCode))
        .map(roadmap -> ResponseEntity.ok(toApi(roadmap)));
  }

  @Override
  public Mono<ResponseEntity<RegionalRoadmap>> replaceRegionalRoadmap(
      Long campaignId, Mono<RegionalRoadmapInput> body, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            body, (caller, input) -> roadmaps.replace(caller, campaignId, items(input)))
        .map(roadmap -> ResponseEntity.ok(toApi(roadmap)));
  }

  private static List<RoadmapItem> items(RegionalRoadmapInput input) {
    return input.getItems().stream().map(RoadmapController::item).toList();
  }

  private static RoadmapItem item(RoadmapItemInput input) {
    return new RoadmapItem(
        Stage.valueOf(input.getStage().getValue()),
        input.getTitle(),
        input.getDueAt().toInstant(),
        RoadmapMapper.binds(input.getBinds()));
  }

  private static RegionalRoadmap toApi(RoadmapService.Roadmap roadmap) {
    RegionalRoadmap out =
        new RegionalRoadmap(
            roadmap.campaignId(),
            roadmap.regionCode(),
            roadmap.zone().getId(),
            roadmap.items().stream().map(RoadmapController::toApi).toList());
    out.setUpdatedBy(roadmap.updatedBy());
    out.setUpdatedAt(ApiTimes.utc(roadmap.updatedAt()));
    return out;
  }

  private static org.oko.api.model.RoadmapItem toApi(RoadmapService.Entry entry) {
    RoadmapItem item = entry.item();
    var out =
        new org.oko.api.model.RoadmapItem(
            StageCode.fromValue(item.stage().name()),
            StageNames.of(item.stage()),
            item.title(),
            ApiTimes.utc(item.dueAt()));
    out.setBinds(RoadmapMapper.audience(item.binds()));
    if (entry.window() != null) {
      out.setFederalOpensAt(ApiTimes.utc(entry.window().opensAt()));
      out.setFederalClosesAt(ApiTimes.utc(entry.window().effectiveClosesAt()));
    }
    return out;
  }
}
