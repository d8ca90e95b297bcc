package org.oko.platform.events;

import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Readiness needs Kafka: without it events pile up in the outbox (safely, but unseen). */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

  private final AdminClient admin;

  KafkaHealthIndicator(AdminClient admin) {
    super("Kafka is not reachable");
    this.admin = admin;
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    var cluster = admin.describeCluster();
    return Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture())
        .timeout(Duration.ofSeconds(3))
        .map(nodes -> builder.up().withDetail("brokers", nodes.size()).build());
  }
}
