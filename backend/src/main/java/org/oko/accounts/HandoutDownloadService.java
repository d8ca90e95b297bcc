package org.oko.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.oko.campaigns.StageNames;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The one download of a hand-out's list by its region, the region passing a municipality its part,
 * and that municipality's one download (seed 000; seed 003 8.1/9.1). A download takes the sealed
 * file off its row and opens it in one transaction — of two clicks, one gets the file — then the
 * ciphertext is deleted; each step is audited.
 */
@Service
class HandoutDownloadService {

  /** A file to answer, and its name. */
  record Download(byte[] bytes, String fileName) {}

  private final HandoutStore store;
  private final HandoutFileStore files;
  private final HandoutListingService listing;
  private final OrganizationDirectory organizations;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionalOperator tx;

  HandoutDownloadService(
      HandoutStore store,
      HandoutFileStore files,
      HandoutListingService listing,
      OrganizationDirectory organizations,
      AuditLog audit,
      Clock clock,
      ReactiveTransactionManager transactions) {
    this.store = store;
    this.files = files;
    this.listing = listing;
    this.organizations = organizations;
    this.audit = audit;
    this.clock = clock;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** The region's one download of the whole list. */
  Mono<Download> download(Caller caller, long id, String clientAddress) {
    HandoutAccess.requireRegion(caller);
    Visibility scope = Visibility.of(caller);
    Instant now = clock.instant();
    return store
        .handout(id)
        .filter(h -> scope.seesRegion(h.regionCode()))
        .switchIfEmpty(Mono.error(() -> HandoutListingService.notFound(id)))
        .flatMap(
            handout ->
                opened(
                    store.claimDownload(id, caller.login(), now),
                    () -> store.handout(id),
                    h -> gone(h.downloadedBy(), h.downloadedAt(), h.regionCode()),
                    entry(
                        caller,
                        handout.regionCode(),
                        "credentials.handout.download",
                        "выдача " + id + ": " + HandoutRules.logins(handout.accounts()),
                        clientAddress)))
        .map(bytes -> new Download(bytes, "logins-" + id + ".xlsx"));
  }

  /** The region passes one municipality's part on to its coordinator. */
  Mono<HandoutListingService.View> pass(Caller caller, long partId, String clientAddress) {
    HandoutAccess.requireRegion(caller);
    Visibility scope = Visibility.of(caller);
    Instant now = clock.instant();
    return visiblePart(partId, p -> scope.seesRegion(p.regionCode()))
        .flatMap(
            part ->
                tx.transactional(passed(caller, part, now, clientAddress))
                    .then(listing.one(caller, part.handoutId())));
  }

  /** Marks the part passed and audits it; 409 when someone passed it first. */
  private Mono<Void> passed(
      Caller caller, HandoutStore.Part part, Instant now, String clientAddress) {
    AuditLog.Entry entry =
        entry(caller, part.regionCode(), "credentials.handout.pass", partName(part), clientAddress);
    return store
        .pass(part.id(), caller.login(), now)
        .flatMap(passed -> passed ? audit.record(entry) : alreadyPassed(part.id()));
  }

  /** A municipality's (or the responsible coordinator's) one download of the part passed to it. */
  Mono<Download> downloadPart(Caller caller, long partId, String clientAddress) {
    HandoutAccess.requirePartReceiver(caller);
    Visibility scope = Visibility.of(caller);
    Instant now = clock.instant();
    return visiblePart(
            partId,
            p -> p.passedAt() != null && scope.coversPart(p.regionCode(), p.municipalityId()))
        .flatMap(
            part ->
                opened(
                    store.claimPartDownload(partId, caller.login(), now),
                    () -> store.part(partId),
                    p -> gone(p.downloadedBy(), p.downloadedAt(), p.regionCode()),
                    entry(
                        caller,
                        part.regionCode(),
                        "credentials.handout.part.download",
                        partName(part),
                        clientAddress)))
        .map(bytes -> new Download(bytes, "logins-" + partId + ".xlsx"));
  }

  private Mono<Void> alreadyPassed(long partId) {
    return store
        .part(partId)
        .flatMap(p -> zone(p.regionCode()).flatMap(zone -> Mono.error(alreadyPassed(p, zone))));
  }

  private static ConflictException alreadyPassed(HandoutStore.Part part, ZoneId zone) {
    return new ConflictException(
        "Эта часть уже передана: "
            + part.passedBy()
            + ", "
            + StageNames.localTime(part.passedAt(), zone));
  }

  private Mono<HandoutStore.Part> visiblePart(long partId, Predicate<HandoutStore.Part> visible) {
    return store
        .part(partId)
        .filter(visible)
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Часть выдачи логинов " + partId + " не найдена")));
  }

  /**
   * Claims the sealed file and opens it in one transaction (a failure to open leaves it claimable),
   * audits, then deletes the ciphertext; a claim that finds it gone is the 409 {@code gone} makes
   * from the row as it is now.
   */
  private <T> Mono<byte[]> opened(
      Mono<HandoutFileStore.Sealed> claim,
      Supplier<Mono<T>> row,
      Function<T, Mono<ConflictException>> gone,
      AuditLog.Entry entry) {
    return tx.transactional(claim.flatMap(file -> openedAndAudited(file, entry)))
        .switchIfEmpty(
            Mono.defer(() -> row.get().flatMap(gone).flatMap(conflict -> Mono.error(conflict))))
        .flatMap(opened -> files.discard(opened.blobKey()).thenReturn(opened.bytes()));
  }

  private Mono<Opened> openedAndAudited(HandoutFileStore.Sealed file, AuditLog.Entry entry) {
    return files
        .open(file)
        .flatMap(bytes -> audit.record(entry).thenReturn(new Opened(file.blobKey(), bytes)));
  }

  private record Opened(String blobKey, byte[] bytes) {}

  /** The 409 of a second download, its time in the region's zone. */
  private Mono<ConflictException> gone(String by, Instant at, String regionCode) {
    return zone(regionCode).map(zone -> HandoutRules.alreadyDownloaded(by, at, zone));
  }

  private Mono<ZoneId> zone(String regionCode) {
    return organizations
        .zonesOf(List.of(regionCode))
        .map(zones -> zones.getOrDefault(regionCode, ZoneId.of("Europe/Moscow")));
  }

  private static String partName(HandoutStore.Part part) {
    return "выдача "
        + part.handoutId()
        + ", "
        + (part.municipalityName() == null
            ? HandoutRules.WITHOUT_MUNICIPALITY
            : part.municipalityName())
        + ": "
        + HandoutRules.logins(part.accounts());
  }

  private static AuditLog.Entry entry(
      Caller caller, String regionCode, String action, String target, String clientAddress) {
    return new AuditLog.Entry(
        caller.login(), caller.role().name(), regionCode, action, target, "success", clientAddress);
  }
}
