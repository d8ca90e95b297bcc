import { useMutation } from '@tanstack/react-query';

import { api, ApiError, unwrap } from '@/lib/api-client';

/**
 * The organization with exactly this login, or an error saying there is none; `where` says where
 * the login was read from («на пакете»), to check it there.
 */
export async function findOrganizationByLogin(login: string, where?: string) {
  const wanted = login.trim().toLowerCase();
  const page = await unwrap(
    api.GET('/api/organizations', { params: { query: { q: wanted, page: 0, size: 5 } } }),
  );
  const found = page.items.find((organization) => organization.login.toLowerCase() === wanted);
  if (!found) {
    throw new ApiError(
      `Организация с логином «${login.trim()}» не найдена. Проверьте логин${where ? ` ${where}` : ''} (например, edu640001).`,
      404,
    );
  }
  return found;
}

export const useFindOrganization = () =>
  useMutation({ mutationFn: (login: string) => findOrganizationByLogin(login) });
