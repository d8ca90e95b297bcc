package org.oko.platform.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;

/**
 * Where a consumer puts an event it cannot process (unparseable, about something that does not
 * exist, or failing unexpectedly), so that the rest of the stream goes on: the topic {@code
 * <topic>.DLT}, with the original key and payload and the reason in a header, for someone to look
 * at and replay.
 */
@Component
public class DeadLetters {

  public static final String REASON_HEADER = "dead-letter-reason";
  public static final String ORIGINAL_TOPIC_HEADER = "dead-letter-topic";

  private final KafkaSender<String, String> sender;

  DeadLetters(KafkaSender<String, String> sender) {
    this.sender = sender;
  }

  /** The dead-letter topic of {@code topic}; declare it as an {@link EventTopic} bean. */
  public static EventTopic topicOf(EventTopic topic) {
    return new EventTopic(topic.name() + ".DLT");
  }

  /** Publishes the event to its topic's dead-letter topic; completes once Kafka has it. */
  public Mono<Void> send(ReceivedEvent event, String reason) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(event.type() + ".DLT", event.key(), event.payload());
    record
        .headers()
        .add(REASON_HEADER, shorten(reason).getBytes(StandardCharsets.UTF_8))
        .add(ORIGINAL_TOPIC_HEADER, event.type().getBytes(StandardCharsets.UTF_8))
        .add(
            OutboxRelay.EVENT_ID_HEADER,
            Long.toString(event.id()).getBytes(StandardCharsets.UTF_8));
    return sender.send(Mono.just(SenderRecord.create(record, event.id()))).then();
  }

  private static String shorten(String reason) {
    String text = reason == null ? "unknown" : reason;
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
