package org.oko.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oko.live.LiveClient;
import org.oko.scans.ScansFixture;
import tools.jackson.databind.JsonNode;

/**
 * OKO as two instances on one PostgreSQL and one Kafka broker, each its own process, started by
 * {@code backend/bench/cluster.sh} as an operator would (issue 15, "Several instances"). Clients
 * spread over both instances; then one instance is killed with {@code kill -9} in the middle of a
 * burst of submissions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static Cluster cluster;
  private static Instance a;
  private static Instance b;
  private static long resultsForm;
  private static long scanningCampaign;

  @BeforeAll
  static void up() throws Exception {
    cluster = Cluster.up(2);
    a = cluster.instance(1);
    b = cluster.instance(2);
    String federal = a.token("federal", "federal-demo");
    resultsForm = form(federal, campaign(federal, "ВПР-2025, осень"), "results-math-4");
    scanningCampaign = campaign(federal, "ОМК-2026 (осень): сканирование и проверка экспертами");
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aTokenSignedByOneInstanceIsAcceptedByTheOther() {
    String token = a.token("region64", "region64-demo");
    HttpResponse<String> me = b.get(token, "/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Instance.json(me).path("login").asString()).isEqualTo("region64");
  }

  @Test
  @Order(2)
  void aSubmissionAcknowledgedByOneInstanceIsReplayedByTheOther() {
    String system = a.clientToken("region64-system", "region64-system-secret");
    HttpResponse<String> first = submit(a, system, "edu640021", "cluster-first");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");

    HttpResponse<String> again = submit(b, system, "edu640021", "cluster-first");
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(Instance.json(again).path("version").asLong())
        .isEqualTo(Instance.json(first).path("version").asLong());
  }

  @Test
  @Order(3)
  void theLockOutCountsAcrossInstances() {
    // Wrong passwords alternate between the instances, as a load balancer would spread them.
    int checked = 0;
    for (int attempt = 0; attempt < 12; attempt++) {
      Instance instance = attempt % 2 == 0 ? a : b;
      int status = instance.signIn("edu640001", "wrong-" + attempt).statusCode();
      if (status == 400 || status == 401) {
        checked++;
      } else {
        assertThat(status).isEqualTo(429);
      }
    }
    assertThat(checked).as("wrong passwords checked over both instances").isEqualTo(5);
    HttpResponse<String> onA = a.signIn("edu640001", "edu640001-demo");
    HttpResponse<String> onB = b.signIn("edu640001", "edu640001-demo");
    assertThat(onA.statusCode()).isEqualTo(429);
    assertThat(onB.statusCode()).isEqualTo(429);
    assertThat(onB.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  @Order(4)
  void aLiveClientOnOneInstanceSeesAnUploadCommittedThroughTheOther() {
    String region = a.token("region64", "region64-demo");
    long point = organizationId(region, "edu645002");
    try (LiveClient socket = LiveClient.connect(a.port())) {
      socket.send(hello(region)).next("ready");
      socket.send(subscribe(scanningCampaign));
      long before = uploaded(socket.next("snapshot"), point);

      upload(b, b.token("scan64", "scan64-demo"), point, 801_101, 1);

      long after = before;
      while (after == before) {
        JsonNode delta = socket.next("delta");
        after = uploaded(delta, point);
      }
      assertThat(after).isEqualTo(before + 1);
    }
  }

  @Test
  @Order(5)
  void everyEventIsRelayedOnceWhileBothInstancesRelay() throws Exception {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("select count(*) from outbox where published_at is null") == 0);
    long published = count("select count(*) from outbox where published_at is not null");

    Map<String, Integer> seen = eventIdsInKafka(published);
    List<String> twice =
        seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertThat(twice).as("events published more than once").isEmpty();
    assertThat((long) seen.size()).isEqualTo(published);
  }

  @Test
  @Order(6)
  void nothingAcknowledgedIsLostWhenAnInstanceIsKilledInABurst() throws Exception {
    String system = a.clientToken("region64-system", "region64-system-secret");
    List<String> schools = schoolsOf64(a.token("region64", "region64-demo"));
    String region = a.token("region64", "region64-demo");
    LiveClient watcherOnB = LiveClient.connect(b.port());
    watcherOnB.send(hello(region)).next("ready");
    watcherOnB.send(subscribe(scanningCampaign)).next("snapshot");

    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicInteger unanswered = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    int total = 240;
    ExecutorService clients = Executors.newFixedThreadPool(12);
    for (int i = 0; i < total; i++) {
      int n = i;
      clients.submit(
          () -> {
            Instance instance = n % 2 == 0 ? a : b;
            String key = "burst-" + n;
            sent.incrementAndGet();
            try {
              HttpResponse<String> response =
                  submit(instance, system, schools.get(n % schools.size()), key);
              if (response.statusCode() == 201) {
                acknowledged.add(key + "@" + schools.get(n % schools.size()));
              }
            } catch (Instance.NoAnswer e) {
              unanswered.incrementAndGet();
            }
          });
    }
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 60);
    cluster.kill(b);
    clients.shutdown();
    assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

    // The socket on the killed instance ends; the client reconnects to the other instance and
    // gets the whole picture afresh.
    assertThat(ended(watcherOnB)).as("the socket on the killed instance ends").isTrue();
    try (LiveClient again = LiveClient.connect(a.port())) {
      again.send(hello(region)).next("ready");
      again.send(subscribe(scanningCampaign));
      assertThat(again.next("snapshot").path("rows").size()).isPositive();
    }

    // Every submission acknowledged by either instance is there: its key replays on the survivor.
    System.out.printf(
        "ClusterIT burst: %d sent, %d acknowledged, %d unanswered (cut off by the kill)%n",
        total, acknowledged.size(), unanswered.get());
    List<String> lost = new ArrayList<>();
    for (String ack : acknowledged) {
      String[] keyAndSchool = ack.split("@");
      HttpResponse<String> replay = submit(a, system, keyAndSchool[1], keyAndSchool[0]);
      if (replay.statusCode() != 201
          || !replay.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
        lost.add(ack + " → " + replay.statusCode());
      }
    }
    assertThat(lost).as("acknowledged, then lost").isEmpty();
    assertThat(acknowledged.size() + unanswered.get())
        .as("acknowledged %d, unanswered %d of %d", acknowledged.size(), unanswered.get(), total)
        .isGreaterThan(total / 2);
    assertThat(acknowledged.size())
        .as("the survivor took its half after the kill")
        .isGreaterThanOrEqualTo(total / 2);
  }

  @Test
  @Order(7)
  void aKilledInstanceStartsAgainAndServes() throws Exception {
    cluster.start(b);
    String token = a.token("federal", "federal-demo");
    assertThat(b.get(token, "/api/campaigns?size=5").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(8)
  void aRestartOfPostgresDuringABurstIsAnswered503WithRetryAfterAndNothingHangs() throws Exception {
    String federal = a.token("federal", "federal-demo");
    String system = a.clientToken("region64-system", "region64-system-secret");
    List<String> schools = schoolsOf64(federal);
    ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
    AtomicInteger unanswered = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int c = 0; c < 8; c++) {
      int client = c;
      clients.submit(
          () -> {
            while (running.get()) {
              int n = sequence.incrementAndGet();
              Instance instance = n % 2 == 0 ? a : b;
              try {
                // Each client its own school: versions of one school are not raced here.
                answers.add(
                    client % 2 == 0
                        ? instance.get(federal, "/api/campaigns?size=5")
                        : submit(instance, system, schools.get(client), "restart-" + n));
              } catch (Instance.NoAnswer e) {
                unanswered.incrementAndGet();
              }
            }
          });
    }
    Thread.sleep(1_000);
    cluster.restartPostgres();
    // The pool finds its way back to the restarted database by itself.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                a.get(federal, "/api/campaigns?size=5").statusCode() == 200
                    && b.get(federal, "/api/campaigns?size=5").statusCode() == 200);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    Map<Integer, Long> statuses =
        answers.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    HttpResponse::statusCode, java.util.stream.Collectors.counting()));
    System.out.printf(
        "ClusterIT PostgreSQL restart: answers by status %s, unanswered %d%n",
        statuses, unanswered.get());
    assertThat(unanswered.get()).as("requests that hung or were cut off").isZero();
    assertThat(statuses.keySet()).as("statuses during the restart").isSubsetOf(200, 201, 503);
    assertThat(statuses.get(503)).as("requests that met the restart").isPositive();
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 503) {
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Instance.json(answer).path("detail").asString()).containsPattern("[А-Яа-я]");
      }
    }
    assertThat(submit(b, system, schools.get(0), "after-restart").statusCode()).isEqualTo(201);
  }

  @Test
  @Order(9)
  void aFullFileStoreRefusesAnUploadClearlyAndKeepsNoHalfFile() throws Exception {
    String scanner = b.token("scan64", "scan64-demo");
    long point = organizationId(a.token("region64", "region64-demo"), "edu645002");
    java.nio.file.Path filler = cluster.blobs().resolve("filler");
    Set<java.nio.file.Path> before = files(cluster.blobs());
    long usable = java.nio.file.Files.getFileStore(cluster.blobs()).getUsableSpace();
    try (var out =
        java.nio.channels.FileChannel.open(
            filler,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      // Leave less room than one scan needs.
      java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(64 * 1024);
      for (long left = usable - 8 * 1024; left > 0; left -= block.capacity()) {
        block.clear().limit((int) Math.min(block.capacity(), left));
        out.write(block);
      }
    }
    byte[] scan = noise(160);
    assertThat(scan.length).isGreaterThan(16 * 1024);
    Map<String, Object> input =
        ScansFixture.batchInput(point, "801102_1.png", scan.length, ScansFixture.sha256(scan));
    HttpResponse<String> opened =
        b.postJson(scanner, "/api/campaigns/" + scanningCampaign + "/scan-batches", input, null);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    long batch = Instance.json(opened).path("id").asLong();

    HttpResponse<String> full =
        b.patch(
            scanner, "/api/scan-batches/" + batch + "/content", ScansFixture.CHUNK_TYPE, scan, 0);
    assertThat(full.statusCode()).as(full.body()).isEqualTo(507);
    assertThat(Instance.json(full).path("detail").asString()).contains("мест");
    Set<java.nio.file.Path> after = files(cluster.blobs());
    after.remove(filler);
    assertThat(after).as("files in the store after the refused upload").isEqualTo(before);

    // Room again: the same upload goes through from where it stood (nothing was taken).
    java.nio.file.Files.delete(filler);
    HttpResponse<String> stored =
        b.patch(
            scanner, "/api/scan-batches/" + batch + "/content", ScansFixture.CHUNK_TYPE, scan, 0);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
  }

  /** A PNG of random grey pixels: it does not compress, so its size is known in advance. */
  private static byte[] noise(int side) throws java.io.IOException {
    var image =
        new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    java.util.Random random = new java.util.Random(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int grey = random.nextInt(256);
        image.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static Set<java.nio.file.Path> files(java.nio.file.Path root) throws Exception {
    try (var walk = java.nio.file.Files.walk(root)) {
      return walk.filter(java.nio.file.Files::isRegularFile)
          .collect(java.util.stream.Collectors.toCollection(HashSet::new));
    }
  }

  // ---- helpers

  private static HttpResponse<String> submit(
      Instance instance, String token, String organization, String key) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("classLetter", "4А");
    row.put("code", "10001");
    row.put("variant", "1");
    for (int task = 1; task <= 12; task++) {
      row.put("task_" + task, "1");
    }
    Map<String, Object> body =
        Map.of("organization", organization, "sheets", Map.of("results", List.of(row)));
    return instance.postJson(token, "/api/forms/" + resultsForm + "/submissions", body, key);
  }

  private static void upload(Instance instance, String token, long point, long kit, int page) {
    byte[] png = ScansFixture.png(kit, page);
    Map<String, Object> input =
        ScansFixture.batchInput(
            point, kit + "_" + page + ".png", png.length, ScansFixture.sha256(png));
    HttpResponse<String> opened =
        instance.postJson(
            token, "/api/campaigns/" + scanningCampaign + "/scan-batches", input, null);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    long batch = Instance.json(opened).path("id").asLong();
    HttpResponse<String> chunk =
        instance.patch(
            token, "/api/scan-batches/" + batch + "/content", ScansFixture.CHUNK_TYPE, png, 0);
    assertThat(chunk.statusCode()).as(chunk.body()).isEqualTo(200);
  }

  private static String hello(String token) {
    return "{\"type\":\"hello\",\"token\":\"" + token + "\"}";
  }

  private static String subscribe(long campaign) {
    return "{\"type\":\"subscribe\",\"campaignId\":" + campaign + ",\"regionCode\":\"64\"}";
  }

  /** Sheets uploaded for the organization; an organization with none has no row yet. */
  private static long uploaded(JsonNode message, long organization) {
    for (JsonNode row : message.path("rows")) {
      if (Long.toString(organization).equals(row.path("key").asString())) {
        return row.path("sheets").path("uploaded").asLong();
      }
    }
    return 0;
  }

  private static boolean ended(LiveClient socket) {
    try {
      socket.closeCode();
      return true;
    } catch (RuntimeException cutOff) {
      // A killed server sends no close frame: the client sees its connection fail instead.
      return true;
    } finally {
      socket.close();
    }
  }

  private static long campaign(String token, String title) {
    JsonNode page = Instance.json(a.get(token, "/api/campaigns?size=100"));
    for (JsonNode campaign : page.path("items")) {
      if (title.equals(campaign.path("title").asString())) {
        return campaign.path("id").asLong();
      }
    }
    throw new AssertionError("no demo campaign " + title);
  }

  private static long form(String token, long campaign, String code) {
    for (JsonNode form : Instance.json(a.get(token, "/api/campaigns/" + campaign + "/forms"))) {
      if (code.equals(form.path("code").asString())) {
        return form.path("id").asLong();
      }
    }
    throw new AssertionError("no form " + code + " in campaign " + campaign);
  }

  private static long organizationId(String token, String login) {
    JsonNode page = Instance.json(a.get(token, "/api/organizations?q=" + login + "&size=5"));
    for (JsonNode organization : page.path("items")) {
      if (login.equals(organization.path("login").asString())) {
        return organization.path("id").asLong();
      }
    }
    throw new AssertionError("no organization " + login);
  }

  private static List<String> schoolsOf64(String token) {
    JsonNode page =
        Instance.json(a.get(token, "/api/organizations?regionCode=64&kind=SCHOOL&size=40"));
    List<String> logins = new ArrayList<>();
    for (JsonNode organization : page.path("items")) {
      logins.add(organization.path("login").asString());
    }
    assertThat(logins).isNotEmpty();
    return logins;
  }

  private static long count(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
        ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** How often each outbox id (header {@code event-id}) is in Kafka, over every OKO topic. */
  private static Map<String, Integer> eventIdsInKafka(long expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-it-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    Map<String, Integer> seen = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      Set<String> topics = new HashSet<>(consumer.listTopics().keySet());
      topics.removeIf(t -> t.startsWith("__") || t.endsWith(".DLT"));
      consumer.subscribe(topics);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int quiet = 0;
      while (System.nanoTime() < deadline && (seen.size() < expected || quiet < 3)) {
        var records = consumer.poll(Duration.ofSeconds(1));
        quiet = records.isEmpty() ? quiet + 1 : 0;
        for (ConsumerRecord<String, String> record : records) {
          Header id = record.headers().lastHeader("event-id");
          if (id != null) {
            seen.merge(
                new String(id.value(), java.nio.charset.StandardCharsets.UTF_8), 1, Integer::sum);
          }
        }
      }
    }
    return seen;
  }
}
