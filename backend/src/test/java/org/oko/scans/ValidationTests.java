package org.oko.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.DeadLetters;
import org.oko.platform.events.Outbox;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The validation pipeline end to end: sheets stored as the uploader stores them, validated through
 * the real Kafka topic, outcomes read back from the database.
 */
class ValidationTests extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired BlobStore blobs;
  @Autowired Outbox outbox;
  @Autowired TransactionalOperator tx;
  @Autowired StuckBatchWorker stuck;

  @Value("${oko.kafka.bootstrap}")
  String bootstrap;

  ScanFixture scans;
  long campaign;
  long point;
  long otherPoint;
  long batch;
  long kits;

  @BeforeEach
  void campaignWithKitsAndScheme() {
    scans = new ScanFixture(client, db, blobs, outbox, tx);
    campaign = scans.omk("ОМК, проверка сканов " + UUID.randomUUID()).getId();
    kits = org.oko.kits.KitsFixture.freshKits();
    scans.assignKits(campaign, "edu645001", kits + 1, kits + 20);
    scans.assignKits(campaign, "edu645002", kits + 21, kits + 40);
    scans.scheme(campaign, "rus", 2);
    point = scans.organizationId("edu645001");
    otherPoint = scans.organizationId("edu645002");
    batch = scans.batch(campaign, "rus", point);
  }

  @Test
  void aReadableSheetOfTheOrganizationsKitIsAcceptedWithAThumbnail() throws IOException {
    long sheet = scans.upload(batch, "1_1.png", ScanFixture.page("png", kits + 1, 1), kits + 1, 1);

    ScanFixture.SheetState state = scans.validated(sheet);

    assertThat(state.status()).isEqualTo("ACCEPTED");
    assertThat(state.errorCode()).isNull();
    assertThat(state.width()).isEqualTo(827);
    assertThat(state.height()).isEqualTo(1169);
    assertThat(state.thumbnailKey()).isNotNull();
    try (InputStream in = blobs.open(state.thumbnailKey()).getInputStream()) {
      BufferedImage thumbnail = ImageIO.read(in);
      assertThat(thumbnail.getWidth()).isEqualTo(320);
      assertThat(thumbnail.getHeight()).isEqualTo(452);
    }
  }

  @Test
  void jpegTiffAndASinglePagePdfAreAccepted() {
    long jpeg = scans.upload(batch, "2_1.jpg", ScanFixture.page("jpeg", kits + 2, 1), kits + 2, 1);
    long tiff = scans.upload(batch, "2_2.tif", ScanFixture.page("tiff", kits + 2, 2), kits + 2, 2);
    long pdf = scans.upload(batch, "3_1.pdf", pdf(1), kits + 3, 1);

    assertThat(scans.validated(jpeg).status()).isEqualTo("ACCEPTED");
    assertThat(scans.validated(tiff).status()).isEqualTo("ACCEPTED");
    ScanFixture.SheetState pdfState = scans.validated(pdf);
    assertThat(pdfState.status()).isEqualTo("ACCEPTED");
    assertThat(pdfState.thumbnailKey()).isNotNull();
  }

  @Test
  void aTextFileNamedPngIsNotAnImage() {
    long sheet =
        scans.upload(
            batch,
            "1_1.png",
            "это не картинка, а текст\n".getBytes(StandardCharsets.UTF_8),
            kits + 1,
            1);

    ScanFixture.SheetState state = scans.validated(sheet);

    assertThat(state.status()).isEqualTo("ERROR");
    assertThat(state.errorCode()).isEqualTo("NOT_AN_IMAGE");
    assertThat(state.errorMessage()).contains("не является изображением PNG");
    assertThat(state.thumbnailKey()).isNull();
  }

  @Test
  void aJpegNamedPngIsRefusedAsNotWhatItsNameSays() {
    long sheet = scans.upload(batch, "1_1.png", ScanFixture.page("jpeg", kits + 1, 1), kits + 1, 1);

    ScanFixture.SheetState state = scans.validated(sheet);

    assertThat(state.errorCode()).isEqualTo("NOT_AN_IMAGE");
    assertThat(state.errorMessage()).contains("JPEG").contains("PNG");
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
    // 50 000 × 50 000 grey pixels would need 2.5 GB decoded: more than this test JVM has.
    long sheet = scans.upload(batch, "1_1.png", ScanFixture.pngHeader(50_000, 50_000), kits + 1, 1);

    ScanFixture.SheetState state = scans.validated(sheet);

    assertThat(state.status()).isEqualTo("ERROR");
    assertThat(state.errorCode()).isEqualTo("TOO_LARGE_IMAGE");
    assertThat(state.errorMessage()).contains("50000×50000");
    assertThat(state.width()).isEqualTo(50_000);
    assertThat(state.thumbnailKey()).isNull();
  }

  @Test
  void aTruncatedPngIsUnreadable() {
    byte[] png = ScanFixture.page("png", kits + 1, 1);
    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);

    ScanFixture.SheetState state =
        scans.validated(scans.upload(batch, "1_1.png", truncated, kits + 1, 1));

    assertThat(state.errorCode()).isEqualTo("UNREADABLE");
    assertThat(state.errorMessage()).contains("повреждён");
  }

  @Test
  void aSmallOrLowDpiScanHasTooLowAResolution() throws IOException {
    long small =
        scans.upload(
            batch, "1_1.png", ScanFixture.image("png", 400, 560, false, null), kits + 1, 1);
    long lowDpi = scans.upload(batch, "1_2.png", pngWithDpi(50), kits + 1, 2);

    ScanFixture.SheetState smallState = scans.validated(small);
    ScanFixture.SheetState lowDpiState = scans.validated(lowDpi);

    assertThat(smallState.errorCode()).isEqualTo("RESOLUTION");
    assertThat(smallState.errorMessage()).contains("400×560");
    assertThat(smallState.thumbnailKey()).isNotNull();
    assertThat(lowDpiState.errorCode()).isEqualTo("RESOLUTION");
    assertThat(lowDpiState.errorMessage()).contains("50 dpi");
  }

  @Test
  void aBlankWhitePageIsReported() {
    long sheet = scans.upload(batch, "1_1.png", ScanFixture.blankPage(), kits + 1, 1);

    ScanFixture.SheetState state = scans.validated(sheet);

    assertThat(state.status()).isEqualTo("ERROR");
    assertThat(state.errorCode()).isEqualTo("BLANK_PAGE");
    assertThat(state.errorMessage()).contains("Пустая страница");
    assertThat(state.thumbnailKey()).isNotNull();
  }

  @Test
  void aPdfOfSeveralPagesIsRefused() throws IOException {
    ScanFixture.SheetState state =
        scans.validated(scans.upload(batch, "1_1.pdf", pdf(3), kits + 1, 1));

    assertThat(state.errorCode()).isEqualTo("PDF_PAGES");
    assertThat(state.errorMessage()).contains("3 страницы");
  }

  @Test
  void aSheetWithoutKitOrPageIsUnidentified() {
    ScanFixture.SheetState state =
        scans.validated(scans.upload(batch, "скан.png", ScanFixture.page("png", 0, 1), null, null));

    assertThat(state.errorCode()).isEqualTo("UNIDENTIFIED");
    assertThat(state.errorMessage()).contains("номер комплекта");
  }

  @Test
  void aPageBeyondTheSchemeIsOutOfRange() {
    ScanFixture.SheetState state =
        scans.validated(
            scans.upload(batch, "1_3.png", ScanFixture.page("png", kits + 1, 3), kits + 1, 3));

    assertThat(state.errorCode()).isEqualTo("PAGE_OUT_OF_RANGE");
    assertThat(state.errorMessage()).contains("Страницы 3 нет").contains("2 страницы");
  }

  @Test
  void aKitNobodyWasGivenIsUnknownAndAnotherPointsKitIsForeign() {
    long unknown =
        scans.upload(batch, "999_1.png", ScanFixture.page("png", kits + 999, 1), kits + 999, 1);
    long foreign =
        scans.upload(batch, "21_1.png", ScanFixture.page("png", kits + 21, 1), kits + 21, 1);

    ScanFixture.SheetState unknownState = scans.validated(unknown);
    ScanFixture.SheetState foreignState = scans.validated(foreign);

    assertThat(unknownState.errorCode()).isEqualTo("UNKNOWN_KIT");
    assertThat(unknownState.errorMessage()).contains("Комплект " + (kits + 999));
    assertThat(foreignState.errorCode()).isEqualTo("FOREIGN_KIT");
    assertThat(foreignState.errorMessage()).contains("другому пункту");
    // The same kit in its own point's batch is fine.
    long own = scans.batch(campaign, "rus", otherPoint);
    assertThat(
            scans
                .validated(
                    scans.upload(
                        own, "21_1.png", ScanFixture.page("png", kits + 21, 1), kits + 21, 1))
                .status())
        .isEqualTo("ACCEPTED");
  }

  @Test
  void aSecondCopyOfAnAcceptedPageIsADuplicate() {
    long first = scans.upload(batch, "5_1.png", ScanFixture.page("png", kits + 5, 1), kits + 5, 1);
    assertThat(scans.validated(first).status()).isEqualTo("ACCEPTED");

    long again = scans.batch(campaign, "rus", point);
    long second = scans.upload(again, "5_1.png", ScanFixture.page("png", kits + 5, 1), kits + 5, 1);

    ScanFixture.SheetState state = scans.validated(second);
    assertThat(state.errorCode()).isEqualTo("DUPLICATE_PAGE");
    assertThat(state.errorMessage()).contains("Страница 1 комплекта " + (kits + 5));
    assertThat(scans.state(first).status()).isEqualTo("ACCEPTED");
  }

  @Test
  void copiesOfOnePageValidatedAtOnceLeaveExactlyOneAccepted() {
    List<Long> copies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      copies.add(
          scans.upload(
              batch, "6_2-" + i + ".png", ScanFixture.page("png", kits + 6, 2), kits + 6, 2));
    }

    Map<String, Integer> outcomes = new HashMap<>();
    for (long id : copies) {
      ScanFixture.SheetState state = scans.validated(id);
      outcomes.merge(state.status() + "/" + state.errorCode(), 1, Integer::sum);
    }

    assertThat(outcomes).containsEntry("ACCEPTED/null", 1).containsEntry("ERROR/DUPLICATE_PAGE", 5);
  }

  @Test
  void anAcceptedCorrectionReplacesTheSheetAndEarlierFailures() {
    long accepted =
        scans.upload(batch, "7_1.png", ScanFixture.page("png", kits + 7, 1), kits + 7, 1);
    assertThat(scans.validated(accepted).status()).isEqualTo("ACCEPTED");
    long blank = scans.upload(batch, "8_1.png", ScanFixture.blankPage(), kits + 8, 1);
    assertThat(scans.validated(blank).errorCode()).isEqualTo("BLANK_PAGE");
    long stillBlank = scans.upload(batch, "8_1.png", ScanFixture.blankPage(), kits + 8, 1);
    assertThat(scans.validated(stillBlank).errorCode()).isEqualTo("BLANK_PAGE");

    long correction =
        scans.upload(batch, "7_1.png", ScanFixture.page("png", kits + 7, 1), kits + 7, 1, accepted);
    long fixedBlank =
        scans.upload(
            batch, "8_1.png", ScanFixture.page("png", kits + 8, 1), kits + 8, 1, stillBlank);

    assertThat(scans.validated(correction).status()).isEqualTo("ACCEPTED");
    assertThat(scans.state(accepted).status()).isEqualTo("REPLACED");
    assertThat(scans.validated(fixedBlank).status()).isEqualTo("ACCEPTED");
    assertThat(scans.state(stillBlank).status()).isEqualTo("REPLACED");
    assertThat(scans.state(blank).status()).isEqualTo("REPLACED");
  }

  @Test
  void aFailedCorrectionLeavesTheAcceptedSheetInPlace() {
    long accepted =
        scans.upload(batch, "9_1.png", ScanFixture.page("png", kits + 9, 1), kits + 9, 1);
    assertThat(scans.validated(accepted).status()).isEqualTo("ACCEPTED");

    long correction =
        scans.upload(batch, "9_1.png", ScanFixture.blankPage(), kits + 9, 1, accepted);

    assertThat(scans.validated(correction).errorCode()).isEqualTo("BLANK_PAGE");
    assertThat(scans.state(accepted).status()).isEqualTo("ACCEPTED");
  }

  @Test
  void everyStatusChangeIsAnEventInTheOutbox() {
    long sheet =
        scans.upload(batch, "10_1.png", ScanFixture.page("png", kits + 10, 1), kits + 10, 1);
    scans.validated(sheet);

    List<String> statuses =
        db.sql(
                "select payload->>'status' as status from outbox where topic = :t"
                    + " and (payload->>'sheetId')::bigint = :id order by id")
            .bind("t", SheetStatusChanged.TOPIC.name())
            .bind("id", sheet)
            .map(r -> r.get("status", String.class))
            .all()
            .collectList()
            .block();
    assertThat(statuses).containsExactly("UPLOADED", "PROCESSING", "ACCEPTED");
  }

  @Test
  void poisonMessagesGoToTheDeadLetterTopicAndTheStreamGoesOn() {
    String garbage = "not json {" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(SheetStatusChanged.TOPIC.name(), "1", garbage));
      producer.flush();
    }
    SheetStatusChanged ghost =
        new SheetStatusChanged(
            Long.MAX_VALUE - 7,
            batch,
            campaign,
            "rus",
            point,
            "64",
            "UPLOADED",
            null,
            Instant.now());
    outbox.append(SheetStatusChanged.TOPIC, ghost.key(), ghost).block();

    long good =
        scans.upload(batch, "11_1.png", ScanFixture.page("png", kits + 11, 1), kits + 11, 1);
    assertThat(scans.validated(good).status()).isEqualTo("ACCEPTED");

    String ghostId = Long.toString(ghost.sheetId());
    Map<String, String> reasons = deadLetters(garbage, ghostId);
    assertThat(reasons.get(garbage)).contains("Unparseable");
    assertThat(reasons.get(ghostId)).contains("does not exist");
  }

  @Test
  void aSheetWhoseCheckFailsSaysSoAndItsEventIsDeadLettered() {
    long lost = scans.uploadWithoutFile(batch, "12_1.png", kits + 12, 1);

    ScanFixture.SheetState state = scans.validated(lost);
    assertThat(state.status()).isEqualTo("ERROR");
    assertThat(state.errorCode()).isEqualTo("CHECK_FAILED");
    assertThat(state.errorMessage()).contains("не удалось проверить", "загрузите его заново");
    assertThat(deadLetters(Long.toString(lost)).get(Long.toString(lost))).contains("не найден");
    // The stream goes on.
    long good =
        scans.upload(batch, "13_1.png", ScanFixture.page("png", kits + 13, 1), kits + 13, 1);
    assertThat(scans.validated(good).status()).isEqualTo("ACCEPTED");
  }

  @Test
  void aSheetLeftProcessingByAStoppedInstanceIsValidatedAgain() {
    long sheet = scans.accepted(batch, kits + 14, 1);
    // Claimed ten minutes ago by an instance that then stopped: its event was acknowledged.
    db.sql(
            "update scan_sheet set status = 'PROCESSING', updated_at = now() - interval '10"
                + " minutes', blob_key = :k, content_type = 'image/png' where id = :id")
        .bind("id", sheet)
        .bind(
            "k",
            blobs
                .store(
                    Flux.just(
                        DefaultDataBufferFactory.sharedInstance.wrap(
                            ScanFixture.page("png", kits + 14, 1))),
                    10_000_000)
                .block()
                .key())
        .then()
        .block();

    // (at least ours: the database is shared with the other tests)
    assertThat(stuck.requeueSheets().block()).isPositive();

    assertThat(scans.validated(sheet).status()).isEqualTo("ACCEPTED");
    stuck.requeueSheets().block();
    assertThat(scans.state(sheet).status()).isEqualTo("ACCEPTED");
  }

  /** The dead letters whose payload contains each marker, with their reason header. */
  private Map<String, String> deadLetters(String... markers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-dlt-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    Map<String, String> found = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(SheetStatusChanged.TOPIC.name() + ".DLT"));
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  for (String marker : markers) {
                    if (record.value() != null && record.value().contains(marker)) {
                      Header reason = record.headers().lastHeader(DeadLetters.REASON_HEADER);
                      found.put(marker, new String(reason.value(), StandardCharsets.UTF_8));
                    }
                  }
                }
                return found.size() == markers.length;
              });
    }
    return found;
  }

  private KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(props);
  }

  /** A PDF of {@code pages} A4 pages with a line of text each. */
  static byte[] pdf(int pages) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
          content.newLineAtOffset(60, 760);
          content.showText("Answer sheet, page " + i);
          content.endText();
          for (int y = 700; y > 80; y -= 30) {
            content.moveTo(60, y);
            content.lineTo(530, y);
          }
          content.setLineWidth(1.5f);
          content.stroke();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A written page whose PNG says it was scanned at {@code dpi}. */
  private static byte[] pngWithDpi(int dpi) throws IOException {
    byte[] png = ScanFixture.page("png", 1, 2);
    // Insert a pHYs chunk right after IHDR (8 signature bytes + 25 bytes of IHDR).
    java.nio.ByteBuffer phys = java.nio.ByteBuffer.allocate(9);
    int perMetre = (int) Math.round(dpi / 0.0254);
    phys.putInt(perMetre).putInt(perMetre).put((byte) 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33);
    java.nio.ByteBuffer length = java.nio.ByteBuffer.allocate(4).putInt(9);
    out.write(length.array());
    byte[] type = "pHYs".getBytes(StandardCharsets.US_ASCII);
    out.write(type);
    out.write(phys.array());
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(type);
    crc.update(phys.array());
    out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }
}
