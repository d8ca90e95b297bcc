package org.oko.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP server's connections.
 *
 * @param sendTimeout a connection whose waiting output has not moved for this long is closed (a
 *     client that stopped reading); zero or negative: never
 */
@ConfigurationProperties("oko.http")
record HttpServerProperties(@DefaultValue("60s") Duration sendTimeout) {}
