package org.oko.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;

/** The consumer side: subscribe a consumer group to topics and receive their events. */
@Component
public class EventStream {

  private final KafkaClients clients;

  EventStream(KafkaClients clients) {
    this.clients = clients;
  }

  /**
   * Receives the events of {@code topics} for consumer group {@code groupId}, from the last
   * acknowledged offset (or the beginning, for a new group). Acknowledge each processed event.
   */
  public Flux<ReceivedEvent> subscribe(String groupId, Collection<String> topics) {
    return KafkaReceiver.create(clients.receiverOptions(groupId).subscription(topics))
        .receive()
        .map(EventStream::toEvent);
  }

  /**
   * Receives, on this instance, every event of {@code topics} published from now on, whatever the
   * other instances receive: a consumer group of its own (named {@code name} plus a random suffix),
   * starting at the latest offset and committing nothing. For fan-out of live updates to the
   * clients connected to this instance; nothing is replayed after a restart.
   *
   * @param onAssigned called when the topics' partitions are assigned: events from then on arrive
   */
  public Flux<ReceivedEvent> broadcast(
      String name, Collection<String> topics, Runnable onAssigned) {
    ReceiverOptions<String, String> options =
        clients
            .receiverOptions(name + "-" + UUID.randomUUID())
            .consumerProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
            .addAssignListener(partitions -> onAssigned.run())
            .subscription(topics);
    return KafkaReceiver.create(options).receive().map(EventStream::toEvent);
  }

  private static ReceivedEvent toEvent(ReceiverRecord<String, String> record) {
    return new ReceivedEvent(
        Long.parseLong(header(record, OutboxRelay.EVENT_ID_HEADER)),
        record.topic(),
        record.key(),
        record.value(),
        record.receiverOffset()::acknowledge);
  }

  private static String header(ReceiverRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "0" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
