package org.oko.platform.security;

/**
 * Accounts whose access tokens no longer count although not yet expired: deactivated people.
 * Implemented by identity; the resource server asks it for every token of OKO's own issuer, so a
 * deactivation takes effect at once instead of when the token expires (15 minutes).
 */
public interface SignInBlock {

  /** Whether tokens issued to this login are refused. */
  boolean blocks(String login);
}
