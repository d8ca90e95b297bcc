package org.oko.platform.events;

/**
 * A Kafka topic a feature publishes to, named {@code <feature>.<EventInPastTense>}. Declare one as
 * a bean and it is created at start-up if the cluster lacks it.
 */
public record EventTopic(String name) {}
