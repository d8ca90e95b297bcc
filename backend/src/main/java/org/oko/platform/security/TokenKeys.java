package org.oko.platform.security;

import com.nimbusds.jose.jwk.JWK;
import reactor.core.publisher.Flux;

/** The public keys that verify OKO's own access tokens; the identity feature provides them. */
public interface TokenKeys {

  /** Keys matching {@code keyId} (normally one), reloading if another instance rotated. */
  Flux<JWK> verificationKeys(String keyId);
}
