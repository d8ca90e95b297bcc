import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';
import { endSession, getRefreshToken } from '@/lib/auth-session';

/** Revokes the refresh token (and its family) on the server (RFC 7009). */
export async function logout(): Promise<void> {
  const token = getRefreshToken();
  if (!token) return;
  const { response } = await api.POST('/oauth2/revoke', {
    body: { token, token_type_hint: 'refresh_token' },
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (!response.ok) {
    throw new ApiError(
      `Не удалось завершить сеанс на сервере (код ${response.status}).`,
      response.status,
    );
  }
}

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out on this computer even when the server could not be told: the refresh token is
    // forgotten with the session, and the access token runs out within minutes.
    onSettled: () => {
      endSession('signed-out');
      queryClient.clear();
    },
  });
};
