import createClient from 'openapi-fetch';

import type { paths } from '@/types/api.gen';

import { currentParticipantToken } from '../utils/participant-token';

/**
 * The API client of a participant: the participant's own token, never the staff session's, and
 * no renewal (participants get no refresh token) — a 401 goes back to the caller, which asks for
 * the password again without losing anything.
 */
export const participantApi = createClient<paths>({
  baseUrl: '',
  // Look fetch up on every call, so a test's stub is honoured.
  fetch: (request) => globalThis.fetch(request),
});

participantApi.use({
  onRequest({ request, schemaPath }) {
    if (!schemaPath.startsWith('/api/')) return undefined;
    const token = currentParticipantToken();
    if (token) request.headers.set('Authorization', `Bearer ${token.accessToken}`);
    return request;
  },
});
