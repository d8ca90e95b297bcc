package org.oko.identity;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Passwords that are read off a printed list and typed by hand: ten characters without the
 * look-alikes 0/O, 1/l/I (about 58 bits of randomness).
 */
@Component
class PasswordGenerator {

  static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 10;

  private final SecureRandom random = new SecureRandom();

  String next() {
    var password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
