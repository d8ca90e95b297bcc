package org.oko.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
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
