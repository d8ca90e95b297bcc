package org.oko.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedServersTests {

  @TempDir Path dataDir;

  @Test
  void theEmbeddedDatabaseKeepsItsDataAcrossARestart() throws SQLException {
    var settings = new EmbeddedServers.Settings(dataDir.toString(), false, 0);

    EmbeddedServers first = new EmbeddedServers();
    var db = first.database(settings);
    try (Connection c = connect(db)) {
      c.createStatement().execute("create table kept (v text)");
      c.createStatement().execute("insert into kept values ('survives')");
    }
    first.close();

    EmbeddedServers second = new EmbeddedServers();
    try (Connection c = connect(second.database(settings));
        ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("survives");
    } finally {
      second.close();
    }
  }

  @Test
  void anAcknowledgedCommitIsOnDiskNotOnlyInMemory() throws SQLException {
    // The embedded PostgreSQL library switches synchronous_commit off; a crash right after a
    // participant was told «анкета сдана» would then lose the submission.
    EmbeddedServers servers = new EmbeddedServers();
    try (Connection c =
            connect(servers.database(new EmbeddedServers.Settings(dataDir.toString(), false, 0)));
        ResultSet rs = c.createStatement().executeQuery("show synchronous_commit")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("on");
    } finally {
      servers.close();
    }
  }

  @Test
  void externalUrlsAreTranslatedForR2dbc() {
    assertThat(EmbeddedInfrastructure.toR2dbcUrl("jdbc:postgresql://db.example:5432/oko?ssl=true"))
        .isEqualTo("r2dbc:postgresql://db.example:5432/oko?ssl=true");
    assertThatThrownBy(() -> EmbeddedInfrastructure.toR2dbcUrl("postgres://db/oko"))
        .hasMessageContaining("OKO_DB_URL");
  }

  @Test
  void externalDatabaseAndKafkaStartNothingEmbedded() {
    var environment =
        new MockEnvironment()
            .withProperty("oko.db.url", "jdbc:postgresql://db.internal:5432/oko")
            .withProperty("oko.kafka.bootstrap", "kafka-1:9092,kafka-2:9092");
    var servers = new EmbeddedServers();

    new EmbeddedInfrastructure(servers)
        .postProcessEnvironment(environment, new SpringApplication(Object.class));

    assertThat(servers.isRunning()).isFalse();
    assertThat(environment.getProperty("spring.r2dbc.url"))
        .isEqualTo("r2dbc:postgresql://db.internal:5432/oko");
    assertThat(environment.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://db.internal:5432/oko");
    assertThat(environment.getProperty("oko.kafka.bootstrap"))
        .isEqualTo("kafka-1:9092,kafka-2:9092");
  }

  private static Connection connect(EmbeddedServers.Database db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }
}
