package org.oko.observers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Seed 003 11.2: the coordinator's side of the acts — the scope's list, the review (with or without
 * violations, once), and the archive of acts with violations (scans and a register).
 */
@Service
class ActReviewService {

  record Page(long total, List<ActInfo> items) {}

  private final ActStore store;
  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final BlobStore blobs;
  private final Schedule schedule;

  ActReviewService(
      ActStore store,
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      BlobStore blobs,
      Schedule schedule) {
    this.store = store;
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.blobs = blobs;
    this.schedule = schedule;
  }

  Mono<ActInfo> review(Caller caller, long actId, boolean withViolations, String comment) {
    if (caller.role() == Role.ORGANIZATION || caller.role() == Role.OBSERVER) {
      return Mono.error(new AccessDeniedException());
    }
    return store
        .act(actId)
        .filter(act -> ObserverAccess.seesPoint(caller, act.point()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("Акт " + actId + " не найден")))
        .flatMap(
            act ->
                store
                    .review(
                        act.id(),
                        withViolations,
                        ObserverRules.clean(comment),
                        caller.login(),
                        schedule.now())
                    .filter(done -> done)
                    .switchIfEmpty(Mono.error(() -> alreadyReviewed(act)))
                    .flatMap(done -> store.act(act.id())));
  }

  private static ConflictException alreadyReviewed(ActInfo act) {
    return new ConflictException(
        "Акт уже рассмотрен " + ActRegisterWorkbook.localDay(act.reviewedAt(), act.timeZone()));
  }

  Mono<Page> acts(
      Caller caller,
      long campaignId,
      String regionCode,
      Long municipalityId,
      Boolean withViolations,
      Paging paging) {
    return scope(caller, campaignId, regionCode, municipalityId)
        .flatMap(
            scope ->
                Mono.zip(
                    store.countActs(campaignId, withViolations, scope),
                    store.acts(campaignId, withViolations, scope, paging).collectList(),
                    Page::new));
  }

  /**
   * The archive of reviewed acts marked with violations in a municipality or region: their scans
   * and a register, written into the response as it is read from the store (never held whole).
   */
  Mono<Flux<DataBuffer>> archive(
      Caller caller,
      long campaignId,
      String regionCode,
      Long municipalityId,
      DataBufferFactory buffers) {
    if (caller.role() == Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    return scope(caller, campaignId, regionCode, municipalityId)
        .flatMap(scope -> store.actsWithViolations(campaignId, scope).collectList())
        .map(
            acts ->
                Flux.from(
                    DataBufferUtils.outputStreamPublisher(
                        out -> writeArchive(acts, out),
                        buffers,
                        task -> Schedulers.boundedElastic().schedule(task))));
  }

  private void writeArchive(List<ActInfo> acts, OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      List<String> names = new ArrayList<>();
      Set<String> taken = new HashSet<>();
      for (ActInfo act : acts) {
        if (act.scan() == null) {
          names.add(null);
          continue;
        }
        String ext =
            ObserverFileRules.byName(act.scan().fileName())
                .map(t -> t == ObserverFileRules.Type.JPEG ? "jpg" : t.name().toLowerCase())
                .orElse("bin");
        String name = act.point().login() + "_" + act.day() + "_" + act.id() + "." + ext;
        names.add(taken.add(name) ? name : null);
      }
      zip.putNextEntry(new ZipEntry("реестр.xlsx"));
      ActRegisterWorkbook.write(acts, names, zip);
      zip.closeEntry();
      for (int i = 0; i < acts.size(); i++) {
        if (names.get(i) == null) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(names.get(i)));
        try (InputStream in = blobs.open(acts.get(i).scan().blobKey()).getInputStream()) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Mono<Visibility> scope(
      Caller caller, long campaignId, String regionCode, Long municipalityId) {
    Visibility own = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            regionCode == null && municipalityId == null
                ? Mono.just(own)
                : own.coordinates()
                    ? organizations.narrowed(own, regionCode, municipalityId)
                    : Mono.error(new NotFoundException("Организации вне вашей области не видны")));
  }
}
