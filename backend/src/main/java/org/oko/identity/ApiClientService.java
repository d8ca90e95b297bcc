package org.oko.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.oko.orgs.OrganizationDirectory;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The regional systems' API clients as their administrators manage them (issue 23, "Client
 * administration"): a region's coordinator its region's, the federal organizer every region's.
 * Create (the secret shown once), restrict to event types and operations, rotate the secret with a
 * day's overlap, revoke; each step audited. Another region's client answers 404.
 */
@Service
class ApiClientService {

  static final Duration SECRET_OVERLAP = Duration.ofHours(24);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiClientStore clients;
  private final ApiClientDirectory directory;
  private final PasswordHashing passwords;
  private final OrganizationDirectory organizations;
  private final AuditLog audit;
  private final Clock clock;

  ApiClientService(
      ApiClientStore clients,
      ApiClientDirectory directory,
      PasswordHashing passwords,
      OrganizationDirectory organizations,
      AuditLog audit,
      Clock clock) {
    this.clients = clients;
    this.directory = directory;
    this.passwords = passwords;
    this.organizations = organizations;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a new client is to be. */
  record NewClient(
      String clientId,
      String name,
      String regionCode,
      List<String> eventTypes,
      List<String> operations) {}

  record Created(ApiClientStore.Managed client, String secret) {}

  record Rotated(String secret, Instant previousValidUntil) {}

  Mono<List<ApiClientStore.Managed>> list(Caller caller, String regionCode) {
    String region = managedRegion(caller, regionCode, false);
    return clients.managed(region).collectList();
  }

  Mono<Created> create(Caller caller, NewClient wanted) {
    String region = managedRegion(caller, wanted.regionCode(), true);
    String clientId =
        wanted.clientId() == null
            ? "r" + region + "-" + HexFormat.of().formatHex(bytes(4))
            : wanted.clientId();
    String secret = "ocs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    return organizations
        .zonesOf(List.of(region))
        .map(zones -> zones.containsKey(region))
        .flatMap(
            exists ->
                exists
                    ? passwords.hashGenerated(secret)
                    : Mono.<String>error(
                        new NotFoundException("Регион «" + region + "» не найден")))
        .flatMap(
            hash ->
                clients.create(
                    clientId,
                    wanted.name().strip(),
                    hash,
                    region,
                    distinct(wanted.eventTypes()),
                    distinct(wanted.operations()),
                    caller.login()))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "Клиент «" + clientId + "» уже есть: выберите другой идентификатор.")))
        .flatMap(
            created ->
                audit(caller, "api-client.created", created)
                    .thenReturn(new Created(created, secret)));
  }

  Mono<ApiClientStore.Managed> update(
      Caller caller, String clientId, String name, List<String> types, List<String> operations) {
    return own(caller, clientId)
        .flatMap(
            c ->
                c.revoked()
                    ? Mono.<ApiClientStore.Managed>error(revoked(clientId))
                    : clients.restrict(
                        clientId, name.strip(), distinct(types), distinct(operations)))
        .doOnNext(c -> directory.forget(clientId))
        .flatMap(c -> audit(caller, "api-client.restricted", c).thenReturn(c));
  }

  Mono<Rotated> rotate(Caller caller, String clientId) {
    String secret = "ocs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    Instant now = clock.instant();
    Instant until = now.plus(SECRET_OVERLAP);
    return own(caller, clientId)
        .flatMap(
            c -> c.revoked() ? Mono.<ApiClientStore.Managed>error(revoked(clientId)) : Mono.just(c))
        .flatMap(
            c ->
                passwords
                    .hashGenerated(secret)
                    .flatMap(hash -> clients.rotate(clientId, hash, now, until))
                    .then(audit(caller, "api-client.secret-rotated", c)))
        .thenReturn(new Rotated(secret, until));
  }

  Mono<Void> revoke(Caller caller, String clientId) {
    return own(caller, clientId)
        .flatMap(
            c ->
                clients
                    .revoke(clientId, caller.login(), clock.instant())
                    .doOnNext(n -> directory.forget(clientId))
                    .then(c.revoked() ? Mono.empty() : audit(caller, "api-client.revoked", c)));
  }

  private Mono<ApiClientStore.Managed> own(Caller caller, String clientId) {
    managedRegion(caller, null, false);
    return clients
        .find(clientId)
        .filter(c -> caller.seesRegion(c.regionCode()))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Клиент «" + clientId + "» не найден")));
  }

  /**
   * The region whose clients the caller manages here: a regional coordinator its own (another named
   * is 404), the federal organizer the one it names (required to create one).
   */
  private static String managedRegion(Caller caller, String requested, boolean required) {
    if (caller.role() == Role.REGIONAL) {
      if (requested != null && !requested.equals(caller.regionCode())) {
        throw new NotFoundException("Регион «" + requested + "» не найден");
      }
      return caller.regionCode();
    }
    if (caller.role() != Role.FEDERAL) {
      throw new AccessDeniedException();
    }
    if (required && requested == null) {
      throw new InvalidRequestException(
          "regionCode", "укажите регион, данные которого читает система");
    }
    return requested;
  }

  private Mono<Void> audit(Caller caller, String action, ApiClientStore.Managed client) {
    return audit.record(
        new AuditLog.Entry(
            caller.login(),
            caller.role().name(),
            client.regionCode(),
            action,
            "клиент " + client.clientId() + " («" + client.name() + "»)",
            "success",
            null));
  }

  private static ConflictException revoked(String clientId) {
    return new ConflictException(
        "Клиент «" + clientId + "» отозван: его нельзя изменить. Зарегистрируйте новый.");
  }

  /** A restriction as stored: null (none) when absent or empty, else each value once. */
  private static List<String> distinct(List<String> values) {
    return values == null || values.isEmpty() ? null : values.stream().distinct().toList();
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
