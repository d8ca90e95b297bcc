import type { Client } from 'openapi-fetch';

import { unwrap, type DescribeError } from '@/lib/api-client';
import type { paths } from '@/types/api.gen';
import { tooManyAttempts } from '@/utils/retry-after';

/*
 * Signing in with a login and password (the OAuth2 password grant, POST /oauth2/token): shared by
 * the staff's login page and a questionnaire participant's sign-in, which differ only in where the
 * tokens go and in a few words of the refusals.
 */

export type PasswordCredentials = { username: string; password: string };

export type TokenErrorWords = {
  /** The first words of the lockout message, before «попробуйте через …». */
  tooManyAttempts: string;
  /** Show the server's `error_description` as it is (a participant's refusals are in Russian). */
  serverWords?: boolean;
};

/** The token endpoint answers with OAuth2 error codes (RFC 6749 § 5.2), not problem+json. */
export const describeTokenError =
  (words: TokenErrorWords): DescribeError =>
  (response, body) => {
    const { error, error_description: description } =
      typeof body === 'object' && body !== null
        ? (body as { error?: unknown; error_description?: unknown })
        : {};
    if (response.status === 429 || error === 'too_many_attempts') {
      return tooManyAttempts(words.tooManyAttempts, response.headers.get('Retry-After'));
    }
    if (words.serverWords && typeof description === 'string' && description.trim()) {
      return description.trim();
    }
    if (error === 'invalid_grant') return 'Неверный логин или пароль.';
    if (error === 'invalid_request') return 'Введите логин и пароль.';
    return undefined;
  };

/** Exchanges a login and password for tokens through `client`; a refusal throws an ApiError. */
export const passwordGrant = (
  client: Client<paths>,
  { username, password }: PasswordCredentials,
  words: TokenErrorWords,
) =>
  unwrap(
    client.POST('/oauth2/token', {
      body: { grant_type: 'password', username, password },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    describeTokenError(words),
  );
