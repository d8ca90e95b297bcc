package org.oko.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded PostgreSQL and Kafka broker, at most one of each per JVM: every application context
 * of a test run shares them, as a real deployment shares its database.
 */
final class EmbeddedServers {

  /**
   * @param durableCommits whether a commit waits for its WAL to reach the disk. The embedded
   *     PostgreSQL library turns that off by default (it is meant for tests); OKO acknowledges a
   *     submission only once it is committed, so a crash of the machine must not lose it.
   */
  record Settings(String dataDir, boolean cleanStart, int postgresPort, boolean durableCommits) {

    Settings(String dataDir, boolean cleanStart, int postgresPort) {
      this(dataDir, cleanStart, postgresPort, true);
    }
  }

  record Database(String jdbcUrl, String user, String password) {}

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
  private static final EmbeddedServers INSTANCE = new EmbeddedServers();

  EmbeddedServers() {}

  private static final String DATABASE = "oko";

  private EmbeddedPostgres postgres;
  private Database database;
  private EmbeddedKafkaKraftBroker kafka;
  private boolean cleaned;

  static EmbeddedServers instance() {
    return INSTANCE;
  }

  synchronized Database database(Settings settings) {
    if (database == null) {
      Path dir = dataDir(settings).resolve("postgres");
      long started = System.nanoTime();
      try {
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                // Keep the files: the data must survive a restart.
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                .setServerConfig("synchronous_commit", settings.durableCommits() ? "on" : "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by close(), after the application is done with it; its own hook would
                // race the application's shutdown and fail requests still in flight.
                .setRegisterShutdownHook(false)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "Could not start embedded PostgreSQL in "
                + dir.toAbsolutePath().normalize()
                + ": is another OKO already running with this data directory?",
            e);
      }
      createDatabaseIfMissing();
      database =
          new Database(
              "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
              "postgres",
              "postgres");
      log.info(
          "Embedded PostgreSQL {} on port {} (data in {}) started in {} ms",
          17,
          postgres.getPort(),
          dir.toAbsolutePath().normalize(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return database;
  }

  synchronized String kafka(Settings settings) {
    if (kafka == null) {
      long started = System.nanoTime();
      kafka = new EmbeddedKafkaKraftBroker(1, 1);
      kafka.brokerProperties(
          Map.of(
              // A single broker cannot replicate; transactional producers hang otherwise.
              "transaction.state.log.replication.factor", "1",
              "transaction.state.log.min.isr", "1",
              "offsets.topic.replication.factor", "1",
              "auto.create.topics.enable", "true"));
      kafka.afterPropertiesSet();
      log.info(
          "Embedded Kafka (KRaft) at {} started in {} ms",
          kafka.getBrokersAsString(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return kafka.getBrokersAsString();
  }

  synchronized boolean isRunning() {
    return postgres != null || kafka != null;
  }

  synchronized void close() {
    if (kafka != null) {
      kafka.destroy();
      kafka = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        log.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
      postgres = null;
      database = null;
    }
    log.info("Embedded infrastructure stopped");
  }

  private Path dataDir(Settings settings) {
    Path dir = Path.of(settings.dataDir());
    if (settings.cleanStart() && !cleaned) {
      deleteRecursively(dir);
      cleaned = true;
    }
    return dir;
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
