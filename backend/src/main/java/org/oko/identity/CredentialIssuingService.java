package org.oko.identity;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues organizations' logins and passwords: all of a selection in one transaction (all or none),
 * old passwords and sessions invalidated, the plaintext only in the returned list.
 */
@Service
class CredentialIssuingService {

  /** The issued list and what it covers. */
  record Issued(List<CredentialsWorkbook.Line> lines, String scope) {}

  private final OrganizationDirectory directory;
  private final AccountStore accounts;
  private final PasswordGenerator generator;
  private final PasswordHashing hashing;
  private final RefreshTokenStore refreshTokens;
  private final AuditLog audit;
  private final TransactionalOperator tx;

  CredentialIssuingService(
      OrganizationDirectory directory,
      AccountStore accounts,
      PasswordGenerator generator,
      PasswordHashing hashing,
      RefreshTokenStore refreshTokens,
      AuditLog audit,
      ReactiveTransactionManager transactions) {
    this.directory = directory;
    this.accounts = accounts;
    this.generator = generator;
    this.hashing = hashing;
    this.refreshTokens = refreshTokens;
    this.audit = audit;
    this.tx = TransactionalOperator.create(transactions);
  }

  /**
   * Whose passwords to issue: the listed organizations, or (without a list) the region's
   * organizations of these kinds (all kinds when none).
   */
  record Request(List<Long> organizationIds, String regionCode, List<String> kinds) {}

  /** {@code caller} is FEDERAL or REGIONAL (the controller checks the role). */
  Mono<Issued> issue(Caller caller, Request request, String clientAddress) {
    return select(caller, request)
        .flatMap(
            orgs -> {
              String scope = scopeOf(orgs, request);
              Mono<List<CredentialsWorkbook.Line>> lines =
                  issueAll(orgs)
                      .map(issued -> issued.stream().map(CredentialsWorkbook.Line::of).toList());
              return tx.transactional(lines)
                  .flatMap(
                      issued ->
                          audited(caller, orgs.get(0).regionCode(), scope, issued, clientAddress));
            });
  }

  /** The issue recorded in the audit log (who, which region, how many), then its answer. */
  private Mono<Issued> audited(
      Caller caller,
      String regionCode,
      String scope,
      List<CredentialsWorkbook.Line> issued,
      String clientAddress) {
    var entry =
        new AuditLog.Entry(
            caller.login(),
            caller.role().name(),
            regionCode,
            "credentials.issue",
            scope + ": " + issued.size() + " организаций",
            "success",
            clientAddress);
    return audit.record(entry).thenReturn(new Issued(issued, scope));
  }

  private static final String SCANNING_CENTRE = "SCANNING_CENTRE";

  /**
   * New generated passwords for these organizations' accounts (created when missing), their
   * sessions revoked; in the caller's transaction. A scanning centre's people work as scanning
   * specialists (issue 19): its account gets that role, not an organization's, which cannot upload
   * scans.
   */
  Mono<List<IssuedCredential>> issueAll(List<OrganizationRef> orgs) {
    return directory
        .idsOfKind(orgs.stream().map(OrganizationRef::id).toList(), SCANNING_CENTRE)
        .collect(Collectors.toSet())
        .flatMap(
            centres ->
                Flux.fromIterable(orgs)
                    // Hashing is CPU-bound: as many at a time as there are cores.
                    .flatMapSequential(
                        org ->
                            issueOne(
                                org, centres.contains(org.id()) ? Role.SCANNER : Role.ORGANIZATION),
                        Runtime.getRuntime().availableProcessors())
                    .collectList());
  }

  private Mono<IssuedCredential> issueOne(OrganizationRef org, Role role) {
    String password = generator.next();
    return hashing
        .hashGenerated(password)
        .flatMap(
            hash ->
                accounts.upsert(
                    org.login(),
                    org.name(),
                    role,
                    org.regionCode(),
                    org.municipalityId(),
                    org.id(),
                    hash))
        .flatMap(accountId -> refreshTokens.revokeAllOf(accountId))
        .thenReturn(new IssuedCredential(org, password));
  }

  private static Mono<List<OrganizationRef>> allFound(List<OrganizationRef> found, int asked) {
    return found.size() == asked
        ? Mono.just(found)
        : Mono.error(new NotFoundException("Не все организации из списка найдены в вашем регионе"));
  }

  private Mono<List<OrganizationRef>> select(Caller caller, Request request) {
    List<Long> ids = request.organizationIds();
    Mono<List<OrganizationRef>> selected;
    if (ids != null && !ids.isEmpty()) {
      selected =
          directory
              .byIds(new HashSet<>(ids))
              .filter(org -> caller.seesRegion(org.regionCode()))
              .collectList()
              .flatMap(found -> allFound(found, new HashSet<>(ids).size()));
    } else if (request.regionCode() != null) {
      if (!caller.seesRegion(request.regionCode())) {
        return Mono.error(new NotFoundException("Регион «" + request.regionCode() + "» не найден"));
      }
      List<String> kinds = request.kinds() == null ? List.of() : request.kinds();
      selected = directory.inRegion(request.regionCode(), kinds).collectList();
    } else {
      return Mono.error(
          new InvalidRequestException(
              "organizationIds", "укажите организации или регион (regionCode)"));
    }
    return selected.flatMap(
        orgs ->
            orgs.isEmpty()
                ? Mono.error(
                    new InvalidRequestException("regionCode", "нет организаций для выдачи"))
                : Mono.just(orgs));
  }

  private static String scopeOf(List<OrganizationRef> orgs, Request request) {
    return request.regionCode() != null
        ? "регион " + request.regionCode()
        : "регион " + orgs.get(0).regionCode() + ", выбранные организации";
  }

  static ZonedDateTime now() {
    return ZonedDateTime.now(ZoneId.of("Europe/Moscow"));
  }
}
