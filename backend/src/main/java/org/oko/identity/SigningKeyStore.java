package org.oko.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.UUID;
import org.oko.platform.security.TokenKeys;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The RS256 keys that sign OKO's access tokens, kept in the database so that every instance signs
 * and verifies with the same keys and a restart invalidates no session. The newest unretired key
 * signs; retired keys keep verifying until their tokens have expired, so rotation logs nobody out.
 */
@Component
class SigningKeyStore implements TokenKeys {

  private final DatabaseClient db;
  private volatile List<RSAKey> cached = List.of();

  SigningKeyStore(DatabaseClient db) {
    this.db = db;
  }

  /** The key to sign with; creates the first one if there is none. */
  Mono<RSAKey> signingKey() {
    List<RSAKey> keys = cached;
    if (!keys.isEmpty()) {
      return Mono.just(keys.get(0));
    }
    return reload().flatMap(loaded -> loaded.isEmpty() ? rotate() : Mono.just(loaded.get(0)));
  }

  /** Every key that may verify a token now, newest first (the JWKS). */
  Mono<List<RSAKey>> publicKeys() {
    return (cached.isEmpty()
            ? signingKey().then(Mono.fromSupplier(() -> cached))
            : Mono.just(cached))
        .map(keys -> keys.stream().map(RSAKey::toPublicJWK).toList());
  }

  @Override
  public Flux<JWK> verificationKeys(String keyId) {
    Mono<List<RSAKey>> keys =
        cached.stream().anyMatch(k -> k.getKeyID().equals(keyId)) ? Mono.just(cached) : reload();
    return keys.flatMapMany(Flux::fromIterable)
        .filter(k -> k.getKeyID().equals(keyId))
        .map(RSAKey::toPublicJWK);
  }

  /**
   * Creates a new signing key and retires the previous ones: they stop signing but keep verifying
   * for a day, far longer than an access token lives.
   */
  Mono<RSAKey> rotate() {
    return Mono.fromCallable(SigningKeyStore::generate)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(key -> insert(key).then(retireAllBut(key)))
        .then(reload())
        .map(keys -> keys.get(0));
  }

  private Mono<Void> insert(RSAKey key) {
    return db.sql(
            "insert into signing_key (kid, private_der, public_der)"
                + " values (:kid, :private, :public)")
        .bind("kid", key.getKeyID())
        .bind("private", toPrivate(key).getEncoded())
        .bind("public", toPublic(key).getEncoded())
        .then();
  }

  /** Every other key stops signing now; it still verifies for a day (see {@link #reload}). */
  private Mono<Void> retireAllBut(RSAKey key) {
    return db.sql(
            "update signing_key set retired_at = now() where kid <> :kid and retired_at is null")
        .bind("kid", key.getKeyID())
        .then();
  }

  private Mono<List<RSAKey>> reload() {
    return db.sql(
            "select kid, private_der, public_der from signing_key"
                + " where retired_at is null or retired_at > now() - interval '1 day'"
                + " order by created_at desc, kid")
        .map(
            r ->
                fromDer(
                    r.get("kid", String.class),
                    r.get("private_der", byte[].class),
                    r.get("public_der", byte[].class)))
        .all()
        .collectList()
        .doOnNext(keys -> cached = List.copyOf(keys));
  }

  private static RSAKey generate() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey((RSAPrivateKey) pair.getPrivate())
        .keyID(UUID.randomUUID().toString())
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .build();
  }

  private static RSAKey fromDer(String kid, byte[] privateDer, byte[] publicDer) {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      var publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicDer));
      var privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("Unreadable signing key " + kid, e);
    }
  }

  private static RSAPrivateKey toPrivate(RSAKey key) {
    try {
      return key.toRSAPrivateKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAPublicKey toPublic(RSAKey key) {
    try {
      return key.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
