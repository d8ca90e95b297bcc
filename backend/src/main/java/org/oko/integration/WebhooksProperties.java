package org.oko.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param allowLoopback accept {@code http://localhost…} targets (tests, a receiver on the same
 *     machine); never in production
 * @param allowPrivate accept targets in private ranges (10/8, 172.16/12, 192.168/16, fc00::/7): a
 *     region whose system is on an internal network says so explicitly
 * @param timeout how long one attempt may take
 * @param retryFor how long a delivery is retried before the endpoint is marked failing
 * @param secretOverlap how long a rotated secret keeps signing
 */
@ConfigurationProperties("oko.integration.webhooks")
record WebhooksProperties(
    @DefaultValue("false") boolean allowLoopback,
    @DefaultValue("false") boolean allowPrivate,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("24h") Duration retryFor,
    @DefaultValue("24h") Duration secretOverlap) {}
