package org.oko.identity;

import org.oko.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Participants sign in at the same token endpoint as everyone else, but with the questionnaire
 * credentials of their kit, which the feature that owns kits and questionnaires checks. Identity
 * keeps what it owns: the lock-out, the audit and the token.
 */
public interface ParticipantCredentials {

  /**
   * What {@code login} with {@code password} signs in as. Empty when they do not match (a wrong
   * attempt, counted for the lock-out); a {@link Check#refused} one when they match but cannot be
   * used now (the questionnaire is not open yet or any more, or protocol 2 marked the kit spoiled
   * or not used), said in Russian to the participant and not counted as a wrong attempt.
   */
  Mono<Check> check(String login, String password);

  /**
   * @param caller the PARTICIPANT to issue the token for (login, region, point)
   * @param refusal why matching credentials cannot be used now; null when they can
   */
  record Check(Caller caller, String refusal) {

    public static Check accepted(Caller caller) {
      return new Check(caller, null);
    }

    public static Check refused(String reason) {
      return new Check(null, reason);
    }

    public boolean isRefused() {
      return refusal != null;
    }
  }
}
