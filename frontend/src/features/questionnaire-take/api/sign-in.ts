import { useMutation } from '@tanstack/react-query';

import { passwordGrant } from '@/lib/password-grant';

import { writeParticipantToken, type ParticipantToken } from '../utils/participant-token';
import { participantApi } from './participant-client';

export type ParticipantCredentials = { login: string; password: string };

/**
 * Signs a participant in with the questionnaire login and password (the OAuth2 password grant)
 * and keeps the token apart from any staff session. A refusal (`invalid_grant`) carries its
 * reason in Russian — wrong password, the questionnaire not open yet, the kit marked spoiled —
 * and is shown as is.
 */
export async function signInParticipant({
  login,
  password,
}: ParticipantCredentials): Promise<ParticipantToken> {
  const tokens = await passwordGrant(
    participantApi,
    { username: login, password },
    { tooManyAttempts: 'Слишком много попыток', serverWords: true },
  );
  const token = {
    login,
    accessToken: tokens.access_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  };
  writeParticipantToken(token);
  return token;
}

export const useParticipantSignIn = () => useMutation({ mutationFn: signInParticipant });
