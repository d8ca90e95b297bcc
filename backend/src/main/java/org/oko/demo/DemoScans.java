package org.oko.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oko.identity.AccountReadModel;
import org.oko.kits.KitsAdmin;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.oko.scans.SheetStatusChanged;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One ОМК campaign whose collector and expert scoring run side by side, as a real campaign runs
 * them (seed {@code 000_c9abf0b417e3d9bf.txt}: the coordinator follows uploading and expert
 * checking together). Scanning is still open: the Saratov scanning centre has uploaded part of
 * edu645001's second delivery (validated by the real pipeline after start-up, one blank page and
 * one unknown kit among them), edu645002's is still to come, and the region lets edu645001 upload
 * the rest itself. Scoring is open too: the first delivery of both points is accepted and three
 * experts of region 64 wait for a distribution.
 */
@Component
class DemoScans {

  /** The campaign with scanning and scoring open at once. */
  static final String CAMPAIGN = "ОМК-2026 (осень): сканирование и проверка экспертами";

  /** Two pages per work; an extended answer on each. */
  private static final String SCHEME_CRITERIA =
      """
      [{"code":"1","title":"Анализ фрагмента урока","maxScore":3,"page":1},
       {"code":"2","title":"Методическое обоснование решения","maxScore":4,"page":2}]
      """;

  private final DatabaseClient db;
  private final DemoCampaigns campaigns;
  private final KitsAdmin kits;
  private final BlobStore blobs;
  private final Outbox outbox;

  DemoScans(
      DatabaseClient db, DemoCampaigns campaigns, KitsAdmin kits, BlobStore blobs, Outbox outbox) {
    this.db = db;
    this.campaigns = campaigns;
    this.kits = kits;
    this.blobs = blobs;
    this.outbox = outbox;
  }

  Mono<Void> create(Instant now) {
    Instant day0 =
        LocalDate.ofInstant(now, DemoCampaigns.MOSCOW)
            .atStartOfDay(DemoCampaigns.MOSCOW)
            .toInstant();
    return campaigns
        .campaign("OMK", CAMPAIGN, DemoCampaigns.OMK_SUBJECTS, List.of("64", "02"))
        .flatMap(
            id ->
                campaigns
                    .stages(id, day0, "CONDUCT", -20, -14, "SCANNING", -14, 6, "SCORING", -1, 14)
                    .then(scheme(id))
                    // The first delivery, all accepted; the second, partly uploaded.
                    .then(kitsOfBothPoints(id, 701_000))
                    .then(acceptedWorks(id, 701_000))
                    .then(kitsOfBothPoints(id, 801_000))
                    .then(uploadedBatch(id, 801_000))
                    .then(experts(id))
                    // The points take part (they see the campaign); one scans itself.
                    .then(campaigns.publishedSample(id, "ASSESSMENT_POINT", "rus"))
                    .then(scansLocally(id, "edu645001")));
  }

  /**
   * The region lets the point upload the rest of its scans itself (as a remote territory would).
   */
  private Mono<Void> scansLocally(long campaignId, String login) {
    return point(login)
        .flatMap(
            p ->
                db.sql(
                        "insert into local_scanning (campaign_id, organization_id, region_code)"
                            + " select :c, id, region_code from organization where id = :o")
                    .bind("c", campaignId)
                    .bind("o", p)
                    .then());
  }

  /** The scheme of Russian: two pages, an extended answer on each. */
  private Mono<Void> scheme(long campaignId) {
    return db.sql(
            "insert into scan_scheme (campaign_id, subject_key, pages, criteria,"
                + " second_scoring_percent, discrepancy_threshold, updated_at, updated_by)"
                + " values (:c, 'rus', 2, cast(:criteria as jsonb), 20, 1, now(), 'federal')")
        .bind("c", campaignId)
        .bind("criteria", SCHEME_CRITERIA)
        .then();
  }

  /** Ten kits for each of two Saratov points, numbered from {@code firstKit + 1}. */
  private Mono<Void> kitsOfBothPoints(long campaignId, long firstKit) {
    return point("edu645001")
        .flatMap(p -> kits.assign(campaignId, "rus", p, firstKit + 1, firstKit + 10, "federal"))
        .then(
            point("edu645002")
                .flatMap(
                    p ->
                        kits.assign(
                            campaignId, "rus", p, firstKit + 101, firstKit + 110, "federal")));
  }

  /**
   * A zip the scanning centre uploaded for edu645001: kits 1–5 complete, a blank first page of kit
   * 6, and a page of a kit number nobody was given. Left UPLOADED: the pipeline validates them.
   */
  private Mono<Void> uploadedBatch(long campaignId, long firstKit) {
    return point("edu645001")
        .flatMap(
            p ->
                batch(campaignId, p, "edu645001-rus-часть1.zip")
                    .map(batch -> new Batch(campaignId, batch, p))
                    .flatMap(
                        b ->
                            works(b, firstKit + 1, firstKit + 5, "UPLOADED")
                                .then(sheet(b, firstKit + 6, 1, "UPLOADED", true))
                                .then(sheet(b, firstKit + 999, 1, "UPLOADED", false))));
  }

  /** Every work of both points, accepted: ready for experts. */
  private Mono<Void> acceptedWorks(long campaignId, long firstKit) {
    return acceptedWorks(campaignId, "edu645001", firstKit)
        .then(acceptedWorks(campaignId, "edu645002", firstKit + 100));
  }

  /** One point's batch: works {@code first + 1} to {@code first + 10}, both pages, accepted. */
  private Mono<Void> acceptedWorks(long campaignId, String login, long first) {
    return point(login)
        .flatMap(
            p ->
                batch(campaignId, p, login + "-rus.zip")
                    .map(batch -> new Batch(campaignId, batch, p))
                    .flatMap(b -> works(b, first + 1, first + 10, "ACCEPTED")));
  }

  /** Both pages of the works of kits {@code from} to {@code to}, in a status. */
  private Mono<Void> works(Batch b, long from, long to, String status) {
    return Flux.range(0, (int) (to - from + 1))
        .concatMap(k -> Flux.range(1, 2).concatMap(page -> sheet(b, from + k, page, status, false)))
        .then();
  }

  /** Three experts of region 64; expert64c works at edu645001 and never gets its works. */
  private Mono<Void> experts(long campaignId) {
    return db.sql(
            "insert into expert (campaign_id, login, region_code, organization_id, subjects,"
                + " created_at) select :c, a.login, a.region_code, a.organization_id,"
                + " array['rus'], now() from "
                + AccountReadModel.accounts()
                + " a where a.role = 'EXPERT'"
                + " and a.region_code = '64'")
        .bind("c", campaignId)
        .then();
  }

  private Mono<Long> point(String login) {
    return db.sql("select id from organization where login = :l")
        .bind("l", login)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  private Mono<Long> batch(long campaignId, long organizationId, String fileName) {
    return db.sql(
            "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                + " file_name, size, received_bytes, status, uploaded_by, created_at,"
                + " completed_at) values (:c, 'rus', :o, '64', :f, 1, 1, 'DONE', 'scan64',"
                + " now(), now()) returning id")
        .bind("c", campaignId)
        .bind("o", organizationId)
        .bind("f", fileName)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** Where a demo sheet goes: the campaign, the batch and the point it was scanned for. */
  private record Batch(long campaignId, long batchId, long organizationId) {}

  private Mono<Void> sheet(Batch b, long kit, int page, String status, boolean blank) {
    long campaignId = b.campaignId();
    long batchId = b.batchId();
    long organizationId = b.organizationId();
    byte[] png = DemoAnswerSheets.page(kit, page, blank);
    Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png));
    return blobs
        .store(content, png.length)
        .flatMap(
            blob ->
                db.sql(
                        "insert into scan_sheet (batch_id, campaign_id, subject_key,"
                            + " organization_id, region_code, file_name, content_type, blob_key,"
                            + " size, kit_number, page, status, width, height, uploaded_at,"
                            + " updated_at) values (:b, :c, 'rus', :o, '64', :f, 'image/png', :k,"
                            + " :s, :kit, :page, :status, :w, :h, now(), now()) returning id")
                    .bind("b", batchId)
                    .bind("c", campaignId)
                    .bind("o", organizationId)
                    .bind("f", kit + "_" + page + ".png")
                    .bind("k", blob.key())
                    .bind("s", blob.size())
                    .bind("kit", kit)
                    .bind("page", page)
                    .bind("status", status)
                    .bind("w", DemoAnswerSheets.WIDTH)
                    .bind("h", DemoAnswerSheets.HEIGHT)
                    .map(r -> r.get("id", Long.class))
                    .one())
        .flatMap(
            id ->
                outbox.append(
                    SheetStatusChanged.TOPIC,
                    Long.toString(organizationId),
                    new SheetStatusChanged(
                        id,
                        batchId,
                        campaignId,
                        "rus",
                        organizationId,
                        "64",
                        status,
                        null,
                        Instant.now())));
  }
}
