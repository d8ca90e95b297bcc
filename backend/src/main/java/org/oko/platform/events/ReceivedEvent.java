package org.oko.platform.events;

/**
 * One event as a consumer receives it.
 *
 * @param id the outbox id: the same event may arrive twice, so consumers deduplicate by it
 * @param type the topic, e.g. {@code forms.FormSubmitted}
 * @param key the partitioning key
 * @param payload the event as JSON
 * @param acknowledgement marks the event processed; its offset is committed afterwards
 */
public record ReceivedEvent(
    long id, String type, String key, String payload, Runnable acknowledgement) {

  public void acknowledge() {
    acknowledgement.run();
  }
}
