package org.oko.identity;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.oko.api.IdentityApi;
import org.oko.api.model.ApiClientCreated;
import org.oko.api.model.ApiClientInput;
import org.oko.api.model.ApiClientList;
import org.oko.api.model.ApiClientSecret;
import org.oko.api.model.ApiClientUpdate;
import org.oko.api.model.AuditEvent;
import org.oko.api.model.AuditEventPage;
import org.oko.api.model.CredentialIssueRequest;
import org.oko.api.model.Me;
import org.oko.api.model.ModelApiClient;
import org.oko.api.model.SigningKeyRotated;
import org.oko.orgs.OrganizationDirectory;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NextLinks;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class IdentityController implements IdentityApi {

  private final AuditLog audit;
  private final CredentialIssuingService credentials;
  private final SigningKeyStore signingKeys;
  private final OrganizationDirectory organizations;
  private final ApiClientService apiClients;

  /** The zone of the federal organizer's times, and of an account without a region. */
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  IdentityController(
      AuditLog audit,
      CredentialIssuingService credentials,
      SigningKeyStore signingKeys,
      OrganizationDirectory organizations,
      ApiClientService apiClients) {
    this.apiClients = apiClients;
    this.audit = audit;
    this.credentials = credentials;
    this.signingKeys = signingKeys;
    this.organizations = organizations;
  }

  @Override
  public Mono<ResponseEntity<ApiClientList>> listApiClients(
      String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> apiClients.list(caller, regionCode))
        .map(list -> new ApiClientList(list.stream().map(ApiClientMapper::client).toList()))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<ApiClientCreated>> createApiClient(
      Mono<ApiClientInput> apiClientInput, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            apiClientInput,
            (caller, in) ->
                apiClients.create(
                    caller,
                    new ApiClientService.NewClient(
                        in.getClientId(),
                        in.getName(),
                        in.getRegionCode(),
                        ApiClientMapper.types(in.getEventTypes()),
                        ApiClientMapper.operations(in.getOperations()))))
        .map(
            created ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .body(
                        new ApiClientCreated(
                            ApiClientMapper.client(created.client()), created.secret())));
  }

  @Override
  public Mono<ResponseEntity<ModelApiClient>> updateApiClient(
      String clientId, Mono<ApiClientUpdate> apiClientUpdate, ServerWebExchange exchange) {
    return CurrentCaller.withBody(
            apiClientUpdate,
            (caller, in) ->
                apiClients.update(
                    caller,
                    clientId,
                    in.getName(),
                    ApiClientMapper.types(in.getEventTypes()),
                    ApiClientMapper.operations(in.getOperations())))
        .map(c -> ResponseEntity.ok(ApiClientMapper.client(c)));
  }

  @Override
  public Mono<ResponseEntity<ApiClientSecret>> rotateApiClientSecret(
      String clientId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> apiClients.rotate(caller, clientId))
        .map(
            rotated ->
                ResponseEntity.ok(
                    new ApiClientSecret(
                        rotated.secret(), ApiClientMapper.time(rotated.previousValidUntil()))));
  }

  @Override
  public Mono<ResponseEntity<Void>> revokeApiClient(String clientId, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> apiClients.revoke(caller, clientId))
        .thenReturn(ResponseEntity.noContent().build());
  }

  @Override
  public Mono<ResponseEntity<SigningKeyRotated>> rotateSigningKey(ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(caller -> signingKeys.rotate())
        .map(key -> ResponseEntity.ok(new SigningKeyRotated(key.getKeyID())));
  }

  @Override
  public Mono<ResponseEntity<Resource>> issueCredentials(
      Mono<CredentialIssueRequest> request, ServerWebExchange exchange) {
    String address =
        exchange.getRequest().getRemoteAddress() == null
            ? "unknown"
            : exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
    return Mono.zip(CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL), request)
        .flatMap(t -> credentials.issue(t.getT1(), request(t.getT2()), address))
        .flatMap(
            issued ->
                WorkbookDownload.of(
                    () ->
                        CredentialsWorkbook.write(
                            issued.lines(), issued.scope(), CredentialIssuingService.now()),
                    "credentials.xlsx"));
  }

  @Override
  public Mono<ResponseEntity<AuditEventPage>> listAuditEvents(
      String regionCode, Integer page, Integer size, Long before, ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(Role.FEDERAL, Role.REGIONAL)
        .map(caller -> auditRegion(caller, regionCode))
        .flatMap(
            region ->
                Mono.zip(
                    audit.count(region.orElse(null)),
                    audit
                        .page(region.orElse(null), before, paging.offset(), paging.size())
                        .map(IdentityController::toEvent)
                        .collectList()))
        .map(
            t -> {
              long total = t.getT1();
              List<AuditEvent> events = t.getT2();
              // newest first either way, so a page by number continues by keyset too
              String next =
                  NextLinks.next(exchange, paging.size(), events, AuditEvent::getId, "before");
              return ResponseEntity.ok()
                  .headers(NextLinks.header(next))
                  .body(
                      new AuditEventPage(page, size, total, paging.totalPages(total), events)
                          .next(next));
            });
  }

  /** FEDERAL reads all or one region; REGIONAL its own region only. */
  private static Optional<String> auditRegion(Caller caller, String requested) {
    if (requested != null && !caller.seesRegion(requested)) {
      throw new NotFoundException("Регион «" + requested + "» не найден");
    }
    return Optional.ofNullable(caller.isFederal() ? requested : caller.regionCode());
  }

  private static AuditEvent toEvent(AuditLog.StoredEntry stored) {
    var e = stored.entry();
    AuditEvent event = new AuditEvent(stored.id(), stored.at(), e.actor(), e.action(), e.outcome());
    event.setActorRole(e.actorRole());
    event.setRegionCode(e.regionCode());
    event.setTarget(e.target());
    event.setClientAddress(e.clientAddress());
    return event;
  }

  @Override
  public Mono<ResponseEntity<Me>> getMe(ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(
            caller ->
                (caller.regionCode() == null
                        ? Mono.just(MOSCOW)
                        : organizations
                            .zonesOf(List.of(caller.regionCode()))
                            .map(zones -> zones.getOrDefault(caller.regionCode(), MOSCOW)))
                    .map(zone -> ResponseEntity.ok(me(caller, zone))));
  }

  private static Me me(Caller caller, ZoneId zone) {
    Me me =
        new Me(
            caller.login(),
            caller.displayName() == null ? caller.login() : caller.displayName(),
            org.oko.api.model.Role.fromValue(caller.role().name()));
    me.setRegionCode(caller.regionCode());
    me.setMunicipalityId(caller.municipalityId());
    me.setOrganizationId(caller.organizationId());
    me.setTimeZone(zone.getId());
    return me;
  }

  private static CredentialIssuingService.Request request(CredentialIssueRequest in) {
    return new CredentialIssuingService.Request(
        in.getOrganizationIds(),
        in.getRegionCode(),
        in.getKinds() == null ? null : in.getKinds().stream().map(k -> k.getValue()).toList());
  }
}
