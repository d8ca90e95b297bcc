package org.oko.platform.infra;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at its PostgreSQL and Kafka: the external ones given by {@code OKO_DB_URL}
 * / {@code OKO_KAFKA_BOOTSTRAP}, or else embedded ones started in this JVM.
 *
 * <p>It runs before any bean exists because the R2DBC pool, Flyway and the Kafka clients all read
 * their URLs from the environment. Each part is decided on its own, so a developer may use an
 * external database with the embedded broker.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

  private final EmbeddedServers servers;

  public EmbeddedInfrastructure() {
    this(EmbeddedServers.instance());
  }

  EmbeddedInfrastructure(EmbeddedServers servers) {
    this.servers = servers;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> resolved = new HashMap<>();

    String jdbcUrl = environment.getProperty("oko.db.url", "");
    if (jdbcUrl.isBlank()) {
      EmbeddedServers.Database db = servers.database(settings(environment));
      jdbcUrl = db.jdbcUrl();
      resolved.put("oko.db.user", db.user());
      resolved.put("oko.db.password", db.password());
    }
    resolved.put("oko.db.url", jdbcUrl);
    resolved.put("spring.r2dbc.url", toR2dbcUrl(jdbcUrl));
    resolved.put("spring.flyway.url", jdbcUrl);

    if (environment.getProperty("oko.kafka.bootstrap", "").isBlank()) {
      resolved.put("oko.kafka.bootstrap", servers.kafka(settings(environment)));
    }

    environment.getPropertySources().addFirst(new MapPropertySource("okoInfrastructure", resolved));
    if (servers.isRunning()) {
      // Runs after every application context is closed, so nothing is still talking to them.
      SpringApplication.getShutdownHandlers().add(servers::close);
    }
  }

  private static EmbeddedServers.Settings settings(ConfigurableEnvironment environment) {
    return new EmbeddedServers.Settings(
        environment.getProperty("oko.embedded.data-dir", "./data"),
        environment.getProperty("oko.embedded.clean-start", Boolean.class, false),
        environment.getProperty("oko.embedded.postgres-port", Integer.class, 0),
        environment.getProperty("oko.embedded.durable-commits", Boolean.class, true));
  }

  /** {@code jdbc:postgresql://host:5432/db?x=y} → {@code r2dbc:postgresql://host:5432/db?x=y}. */
  static String toR2dbcUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "OKO_DB_URL must look like jdbc:postgresql://host:5432/database, got: " + jdbcUrl);
    }
    return "r2dbc:" + jdbcUrl.substring("jdbc:".length());
  }

  @Override
  public int getOrder() {
    // After the config data (application.yaml, profiles) has been read.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
