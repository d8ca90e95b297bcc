package org.oko.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one regional system (API client) may call the API: a token bucket per client and server
 * instance ({@link ClientRateLimits}).
 *
 * @param burst requests a client may make at once after a pause (the bucket's size)
 * @param perSecond requests per second it may keep up (the bucket's refill)
 */
@ConfigurationProperties("oko.api.rate-limit")
record ClientRateLimitProperties(
    @DefaultValue("600") int burst, @DefaultValue("50") double perSecond) {}
