package org.oko.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oko.campaigns.CampaignReadModel;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.blob.StoredBlob;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the demo ВПР has published: the instructions (released long ago, so every school's personal
 * account has something to read and download) and the archive of variants, one per school, released
 * on the morning of the test.
 */
@Component
class DemoPublications {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private static final String INSTRUCTION =
      """
      Инструкция технического специалиста ВПР (демонстрационная)

      1. Получите логин и пароль у координатора и храните их конфиденциально.
      2. Скачайте и заполните форму-заявку, загрузите её в личном кабинете.
      3. В день проведения скачайте архив с вариантами: он откроется в 08:00.
      4. Распечатайте индивидуальные комплекты и листы с кодами участников.
      5. После проверки работ заполните и загрузите электронный протокол.
      """;

  private final DatabaseClient db;
  private final BlobStore blobs;

  DemoPublications(DatabaseClient db, BlobStore blobs) {
    this.db = db;
    this.blobs = blobs;
  }

  Mono<Void> create(Instant now) {
    Instant day0 = LocalDate.ofInstant(now, MOSCOW).atStartOfDay(MOSCOW).toInstant();
    // The demo ВПР's test day is day 28 of the demo (see DemoCampaigns); 08:00 Moscow time.
    Instant testMorning =
        LocalDate.ofInstant(day0, MOSCOW)
            .plusDays(28)
            .atTime(LocalTime.of(8, 0))
            .atZone(MOSCOW)
            .toInstant();
    return vprCampaign()
        .flatMap(
            campaign ->
                publication(
                        campaign,
                        "Инструкции по проведению ВПР",
                        "Порядок проведения и инструкции для координаторов и технических"
                            + " специалистов.",
                        day0.minus(Duration.ofDays(40)))
                    .flatMap(id -> instruction(id, now))
                    .then(
                        publication(
                            campaign,
                            "Архив вариантов ВПР",
                            "Архив с вариантами, сформированными для вашей организации. Откроется"
                                + " в день проведения в 08:00 по московскому времени.",
                            testMorning))
                    .flatMap(id -> variantsPerSchool(id, campaign, now)));
  }

  private Mono<Long> vprCampaign() {
    return db.sql(
            "select id from "
                + CampaignReadModel.campaigns()
                + " c where kind = 'VPR' order by id limit 1")
        .map(r -> r.get("id", Long.class))
        .one();
  }

  Mono<Long> publication(long campaignId, String title, String body, Instant release) {
    return db.sql(
            """
            insert into publication (campaign_id, title, body, audience_roles, sample_only,
                organization_kinds, status, release_at, author_login, author_name, author_role,
                created_at)
            values (:campaign, :title, :body,
                '{ORGANIZATION,MUNICIPAL,RESPONSIBLE,REGIONAL}', true, '{SCHOOL,COLLEGE}',
                'PUBLISHED', :release, 'federal', 'Федеральный организатор', 'FEDERAL', now())
            returning id
            """)
        .bind("campaign", campaignId)
        .bind("title", title)
        .bind("body", body)
        .bind("release", release)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  private Mono<Void> instruction(long publicationId, Instant now) {
    return writeTemp(out -> out.write(INSTRUCTION.getBytes(StandardCharsets.UTF_8)))
        .flatMap(blobs::adopt)
        .flatMap(
            blob ->
                db.sql(
                        "insert into attachment (publication_id, kind, file_name, per_organization,"
                            + " blob_key, sha256, size, created_at)"
                            + " values (:p, 'INSTRUCTION', 'Инструкция технического"
                            + " специалиста.txt', false, :key, :sha, :size, :now)")
                    .bind("p", publicationId)
                    .bind("key", blob.key())
                    .bind("sha", blob.sha256())
                    .bind("size", blob.size())
                    .bind("now", now)
                    .then());
  }

  /** One small zip per selected school of the campaign, named by its login. */
  private Mono<Void> variantsPerSchool(long publicationId, long campaignId, Instant now) {
    return db.sql(
            "insert into attachment (publication_id, kind, file_name, per_organization, size,"
                + " created_at) values (:p, 'VARIANTS', 'Архив вариантов', true, 0, :now)"
                + " returning id")
        .bind("p", publicationId)
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(
            attachmentId ->
                db.sql(
                        "select o.id, o.login from "
                            + SampleParticipants.relation()
                            + " e join organization o on o.id = e.organization_id"
                            + " where e.campaign_id = :c order by o.login")
                    .bind("c", campaignId)
                    .map(r -> new School(r.get("id", Long.class), r.get("login", String.class)))
                    .all()
                    // Read them all first: one connection cannot stream a result and insert.
                    .collectList()
                    .flatMapIterable(schools -> schools)
                    .concatMap(
                        school ->
                            writeTemp(out -> variants(out, school.login()))
                                .flatMap(blobs::adopt)
                                .flatMap(blob -> file(attachmentId, school, blob)))
                    .then(totals(attachmentId)));
  }

  /** The attachment's size and number of files, once its files are in. */
  private Mono<Void> totals(long attachmentId) {
    return db.sql(
            "update attachment a set size = f.total, organization_files = f.n"
                + " from (select sum(size) as total, count(*) as n"
                + " from attachment_file where attachment_id = :a) f"
                + " where a.id = :a")
        .bind("a", attachmentId)
        .then();
  }

  private record School(long id, String login) {}

  private Mono<Void> file(long attachmentId, School school, StoredBlob blob) {
    return db.sql(
            "insert into attachment_file (attachment_id, organization_id, file_name, blob_key,"
                + " sha256, size) values (:a, :o, :name, :key, :sha, :size)")
        .bind("a", attachmentId)
        .bind("o", school.id())
        .bind("name", school.login() + ".zip")
        .bind("key", blob.key())
        .bind("sha", blob.sha256())
        .bind("size", blob.size())
        .then();
  }

  private static void variants(OutputStream out, String login) throws IOException {
    try (var zip = new ZipOutputStream(out)) {
      for (String subject : new String[] {"Русский язык", "Математика", "Окружающий мир"}) {
        zip.putNextEntry(new ZipEntry(login + " — " + subject + ", вариант 1.txt"));
        zip.write(
            ("ВПР. " + subject + ". Демонстрационный вариант для " + login)
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private Mono<Path> writeTemp(Content content) {
    return blobs
        .tempFile()
        .flatMap(
            path ->
                Mono.fromCallable(
                        () -> {
                          try (OutputStream out = Files.newOutputStream(path)) {
                            content.writeTo(out);
                          }
                          return path;
                        })
                    .subscribeOn(Schedulers.boundedElastic()));
  }
}
