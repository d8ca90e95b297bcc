package org.oko.campaigns;

import java.time.Clock;
import java.util.List;
import org.oko.api.CampaignsApi;
import org.oko.api.model.Campaign;
import org.oko.api.model.CampaignInput;
import org.oko.api.model.CampaignKind;
import org.oko.api.model.CampaignPage;
import org.oko.api.model.CampaignUpdate;
import org.oko.api.model.ScheduleInput;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageExtension;
import org.oko.api.model.StageExtensionInput;
import org.oko.api.model.StageExtensionList;
import org.oko.api.model.TestDays;
import org.oko.api.model.TestDaysInput;
import org.oko.orgs.OrganizationMapper;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Campaigns and their schedules: everyone reads what they take part in, FEDERAL changes them. */
@RestController
class CampaignsController implements CampaignsApi {

  private final CampaignService campaigns;
  private final CampaignDirectory directory;
  private final StageExtensionService extensions;
  private final TestDayService testDays;
  private final Clock clock;

  CampaignsController(
      CampaignService campaigns,
      CampaignDirectory directory,
      StageExtensionService extensions,
      TestDayService testDays,
      Clock clock) {
    this.campaigns = campaigns;
    this.directory = directory;
    this.extensions = extensions;
    this.testDays = testDays;
    this.clock = clock;
  }

  @Override
  public Mono<ResponseEntity<TestDays>> getTestDays(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> testDays.get(caller, campaignId, organizationId))
        .map(chosen -> ResponseEntity.ok(TestDaysMapper.toApi(chosen)));
  }

  @Override
  public Mono<ResponseEntity<TestDays>> replaceTestDays(
      Long campaignId, Long organizationId, Mono<TestDaysInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            t ->
                testDays.replace(
                    t.getT1(),
                    campaignId,
                    organizationId,
                    TestDaysMapper.fromApi(t.getT2().getDays())))
        .map(chosen -> ResponseEntity.ok(TestDaysMapper.toApi(chosen)));
  }

  @Override
  public Mono<ResponseEntity<CampaignPage>> listCampaigns(
      CampaignKind kind, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> campaigns.list(caller, CampaignMapper.kind(kind), paging))
        .map(
            seen ->
                new CampaignPage(
                    page,
                    size,
                    seen.total(),
                    paging.totalPages(seen.total()),
                    seen.campaigns().stream()
                        .map(row -> toApi(new CampaignService.Seen(row, seen.zone())))
                        .toList()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Campaign>> getCampaign(Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> campaigns.visible(caller, campaignId))
        .map(this::toApi)
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Campaign>> createCampaign(
      Mono<CampaignInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t ->
                campaigns.create(
                    t.getT1(),
                    new CampaignDraft(
                        CampaignMapper.kind(t.getT2().getKind()),
                        t.getT2().getTitle(),
                        t.getT2().getAcademicYear(),
                        CampaignMapper.subjects(t.getT2().getSubjects()),
                        t.getT2().getRegionCodes())))
        .map(c -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(c)));
  }

  @Override
  public Mono<ResponseEntity<Campaign>> updateCampaign(
      Long campaignId, Mono<CampaignUpdate> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t ->
                campaigns.update(
                    t.getT1(),
                    campaignId,
                    t.getT2().getVersion(),
                    new CampaignDraft(
                        CampaignMapper.kind(t.getT2().getKind()),
                        t.getT2().getTitle(),
                        t.getT2().getAcademicYear(),
                        CampaignMapper.subjects(t.getT2().getSubjects()),
                        t.getT2().getRegionCodes())))
        .map(c -> ResponseEntity.ok(toApi(c)));
  }

  @Override
  public Mono<ResponseEntity<Campaign>> replaceSchedule(
      Long campaignId, Mono<ScheduleInput> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t ->
                campaigns.replaceSchedule(
                    t.getT1(), campaignId, t.getT2().getVersion(), windows(t.getT2())))
        .map(c -> ResponseEntity.ok(toApi(c)));
  }

  @Override
  public Mono<ResponseEntity<StageExtensionList>> listStageExtensions(
      Long campaignId, StageCode stageCode, ServerWebExchange exchange) {
    Stage stage = CampaignMapper.stage(stageCode);
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .flatMap(
            caller ->
                directory
                    .visibleTo(caller, campaignId)
                    .thenMany(
                        extensions.list(
                            campaignId, stage, caller.isFederal() ? null : caller.regionCode()))
                    .map(CampaignsController::toApi)
                    .collectList())
        .map(items -> ResponseEntity.ok(new StageExtensionList(items)));
  }

  @Override
  public Mono<ResponseEntity<StageExtension>> extendStage(
      Long campaignId,
      StageCode stageCode,
      Mono<StageExtensionInput> body,
      ServerWebExchange exchange) {
    Stage stage = CampaignMapper.stage(stageCode);
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL), body)
        .flatMap(
            t ->
                directory
                    .visibleTo(t.getT1(), campaignId)
                    .flatMap(
                        campaign ->
                            extensions.grant(
                                campaign, stage, request(t.getT2()), t.getT1().login())))
        .map(e -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(e)));
  }

  private Campaign toApi(CampaignService.Seen seen) {
    return CampaignMapper.toApi(seen.campaign(), seen.zone().getId(), clock.instant());
  }

  private static List<ScheduleRules.Window> windows(ScheduleInput in) {
    return in.getStages().stream()
        .map(
            s ->
                new ScheduleRules.Window(
                    CampaignMapper.stage(s.getCode()),
                    s.getOpensAt().toInstant(),
                    s.getClosesAt().toInstant()))
        .toList();
  }

  private static Extension.Request request(StageExtensionInput in) {
    return new Extension.Request(
        in.getRegionCode(),
        in.getOrganizationId(),
        in.getClosesAt() == null ? null : in.getClosesAt().toInstant(),
        in.getReason());
  }

  private static StageExtension toApi(Extension x) {
    var e =
        new StageExtension(
            x.id(),
            CampaignMapper.toApi(x.stage()),
            ApiTimes.utc(x.closesAt()),
            x.grantedBy(),
            ApiTimes.utc(x.grantedAt()));
    e.setRegionCode(x.regionCode());
    e.setReason(x.reason());
    if (x.organization() != null) {
      e.setOrganization(OrganizationMapper.brief(x.organization()));
    }
    return e;
  }
}
