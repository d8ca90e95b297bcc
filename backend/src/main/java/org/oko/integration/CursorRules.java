package org.oko.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.oko.platform.web.InvalidRequestException;

/**
 * Change-feed cursors: {@code v1.<scope>.<sequence>.<signature>} in base64url, where the scope is
 * the caller's region ({@code *} for the whole country) and the signature an HMAC-SHA256 (first 16
 * bytes) over the rest. A cursor of another scope, an altered or an invented one is refused, so a
 * cursor can never open another region's events.
 */
final class CursorRules {

  static final String EVERYWHERE = "*";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String FIELD = "after";

  private CursorRules() {}

  static String encode(byte[] key, String scope, long sequence) {
    String body = "v1." + scope + "." + sequence;
    String cursor = body + "." + ENCODER.encodeToString(signature(key, body));
    return ENCODER.encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  /** The sequence a cursor stands for; 400 unless this server made it for this scope. */
  static long decode(byte[] key, String scope, String cursor) {
    String text;
    try {
      text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unreadable();
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4 || !"v1".equals(parts[0])) {
      throw unreadable();
    }
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    byte[] given;
    try {
      given = DECODER.decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw unreadable();
    }
    if (!MessageDigest.isEqual(given, signature(key, body))) {
      throw unreadable();
    }
    if (!parts[1].equals(scope)) {
      throw new InvalidRequestException(
          FIELD,
          "Курсор выдан для другой области видимости (другого региона): продолжайте ленту своим"
              + " курсором или начните её заново без параметра after.");
    }
    try {
      return Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw unreadable();
    }
  }

  private static InvalidRequestException unreadable() {
    return new InvalidRequestException(
        FIELD,
        "Курсор не распознан: передайте значение next из предыдущего ответа без изменений или"
            + " начните ленту заново без параметра after.");
  }

  private static byte[] signature(byte[] key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
