package org.oko.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the {@code iss} of OKO's own tokens, e.g. {@code https://oko.example.ru}; empty
 *     means this instance's own address. Read it through {@link OwnIssuer}, never here.
 * @param audience the {@code aud} OKO's tokens carry and require
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (one working day)
 * @param participantTokenTtl how long a questionnaire participant's access token is valid (they get
 *     no refresh token; the SPA keeps their answers and asks the password again)
 */
@ConfigurationProperties("oko.security")
public record SecurityProperties(
    String issuer,
    String audience,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration participantTokenTtl) {}
