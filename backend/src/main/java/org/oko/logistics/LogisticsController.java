package org.oko.logistics;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.oko.api.LogisticsApi;
import org.oko.api.model.Packet;
import org.oko.api.model.PacketInput;
import org.oko.api.model.PacketPage;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationMapper;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Materials logistics: the inventory and the transfer statement computed from the published sample,
 * and the return delivery packets accepted from organizations.
 */
@RestController
class LogisticsController implements LogisticsApi {

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final PublishedSampleStore sample;
  private final StatementScopes scopes;
  private final PacketStore packets;
  private final PacketAcceptanceService acceptance;
  private final PacketListService list;

  LogisticsController(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      PublishedSampleStore sample,
      StatementScopes scopes,
      PacketStore packets,
      PacketAcceptanceService acceptance,
      PacketListService list) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.sample = sample;
    this.scopes = scopes;
    this.packets = packets;
    this.acceptance = acceptance;
    this.list = list;
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadInventory(
      Long campaignId, Long organizationId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(
            Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE, Role.ORGANIZATION)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(campaign -> inventory(caller, campaign, organizationId)));
  }

  private Mono<ResponseEntity<Resource>> inventory(
      Caller caller, CampaignInfo campaign, long organizationId) {
    return visibleOrganization(caller, organizationId)
        .flatMap(org -> sample.entry(campaign.id(), org.id()))
        .switchIfEmpty(Mono.error(() -> notInSample(organizationId)))
        .flatMap(
            entry ->
                WorkbookDownload.of(
                    () ->
                        InventoryWorkbook.write(
                            campaign.title(),
                            entry.organization(),
                            MaterialRules.of(entry, campaign.subjects())),
                    "inventory-" + entry.organization().login() + ".xlsx"));
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadTransferStatement(
      Long campaignId, String regionCode, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(campaign -> statement(caller, campaign, regionCode, municipalityId)));
  }

  private Mono<ResponseEntity<Resource>> statement(
      Caller caller, CampaignInfo campaign, String regionCode, Long municipalityId) {
    return scopes
        .resolve(Visibility.of(caller), campaign, regionCode, municipalityId)
        .flatMap(scope -> statement(campaign, scope));
  }

  private Mono<ResponseEntity<Resource>> statement(CampaignInfo campaign, StatementScope scope) {
    return Mono.zip(
            sample.in(campaign.id(), scope).collectList(),
            packets.returnedPerOrganization(campaign.id(), scope.regionCode()))
        .flatMap(
            t -> {
              List<TransferStatementWorkbook.Line> lines = lines(campaign, t.getT1(), t.getT2());
              return WorkbookDownload.of(
                  () -> TransferStatementWorkbook.write(campaign.title(), scope.title(), lines),
                  "transfer-statement-"
                      + scope.regionCode()
                      + (scope.municipalityId() == null ? "" : "-" + scope.municipalityId())
                      + ".xlsx");
            });
  }

  /** A line per organization: its materials, and how many return packets it has handed back. */
  private static List<TransferStatementWorkbook.Line> lines(
      CampaignInfo campaign, List<SelectedOrganization> entries, Map<Long, Long> returned) {
    return entries.stream()
        .map(
            entry ->
                new TransferStatementWorkbook.Line(
                    entry.organization(),
                    MaterialRules.summaryOf(entry, campaign.subjects()),
                    returned.getOrDefault(entry.organization().id(), 0L)))
        .toList();
  }

  @Override
  public Mono<ResponseEntity<PacketPage>> listPackets(
      Long campaignId,
      String regionCode,
      Long organizationId,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.get()
        .flatMap(caller -> list.list(caller, campaignId, regionCode, organizationId, paging))
        .map(
            found ->
                ResponseEntity.ok(
                    found.toPage(
                        paging,
                        LogisticsController::toApi,
                        (items, total, pages, p, s) -> new PacketPage(p, s, total, pages, items))));
  }

  @Override
  public Mono<ResponseEntity<Packet>> acceptPacket(
      Long campaignId, Mono<PacketInput> packetInput, ServerWebExchange exchange) {
    return Mono.zip(
            CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE),
            packetInput)
        .flatMap(
            t ->
                acceptance.accept(
                    t.getT1(),
                    campaignId,
                    new PacketAcceptanceService.Request(
                        t.getT2().getOrganizationId(),
                        t.getT2().getPacketNumber(),
                        t.getT2().getNote())))
        .map(accepted -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(accepted)));
  }

  /** The organization if it exists and the caller sees it; otherwise empty. */
  private Mono<OrganizationRef> visibleOrganization(Caller caller, long organizationId) {
    Visibility visibility = Visibility.of(caller);
    return organizations.byId(organizationId).filter(visibility::seesOrganization);
  }

  private static Packet toApi(PacketStore.Accepted accepted) {
    Packet packet =
        new Packet(
            accepted.id(),
            accepted.packetNumber(),
            OrganizationMapper.brief(accepted.organization()),
            accepted.acceptedBy(),
            accepted.acceptedAt().atOffset(ZoneOffset.UTC));
    packet.setNote(accepted.note());
    return packet;
  }

  /** The same 404 for a foreign organization and one the sample does not include. */
  private static NotFoundException notInSample(long id) {
    return new NotFoundException(
        "Организация " + id + " не найдена в опубликованной выборке кампании");
  }
}
