package org.oko.roadmaps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.oko.api.RoadmapsApi;
import org.oko.api.model.RegionalRoadmap;
import org.oko.api.model.RegionalRoadmapInput;
import org.oko.api.model.StageCode;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageNames;
import org.oko.platform.security.CurrentCaller;
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
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            in ->
                roadmaps.replace(
                    in.getT1(),
                    campaignId,
                    in.getT2().getItems().stream()
                        .map(
                            i ->
                                new RoadmapItem(
                                    Stage.valueOf(i.getStage().getValue()),
                                    i.getTitle(),
                                    i.getDueAt().toInstant(),
                                    RoadmapMapper.binds(i.getBinds())))
                        .toList()))
        .map(roadmap -> ResponseEntity.ok(toApi(roadmap)));
  }

  private static RegionalRoadmap toApi(RoadmapService.Roadmap roadmap) {
    RegionalRoadmap out =
        new RegionalRoadmap(
            roadmap.campaignId(),
            roadmap.regionCode(),
            roadmap.zone().getId(),
            roadmap.items().stream().map(RoadmapController::toApi).toList());
    out.setUpdatedBy(roadmap.updatedBy());
    out.setUpdatedAt(time(roadmap.updatedAt()));
    return out;
  }

  private static org.oko.api.model.RoadmapItem toApi(RoadmapService.Entry entry) {
    RoadmapItem item = entry.item();
    var out =
        new org.oko.api.model.RoadmapItem(
            StageCode.fromValue(item.stage().name()),
            StageNames.of(item.stage()),
            item.title(),
            time(item.dueAt()));
    out.setBinds(RoadmapMapper.audience(item.binds()));
    if (entry.window() != null) {
      out.setFederalOpensAt(time(entry.window().opensAt()));
      out.setFederalClosesAt(time(entry.window().effectiveClosesAt()));
    }
    return out;
  }

  private static OffsetDateTime time(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
