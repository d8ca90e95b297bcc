import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';
import type { Role } from '@/types/api';

export const ACCOUNTS_PAGE_SIZE = 20;

export type AccountsFilter = {
  role?: Role;
  /** Part of the login, the name, the phone or the e-mail. */
  q?: string;
  /** Only active (true) or only deactivated (false) accounts. */
  active?: boolean;
  /** Zero-based, as in the API. */
  page: number;
  /** The keyset cursor of the previous page's `next` (then `page` only numbers the page shown). */
  after?: string;
};

export const getAccounts = (
  { role, q, active, page, after }: AccountsFilter,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/accounts', {
      params: {
        query: {
          role,
          q: q?.trim() || undefined,
          active,
          page: after ? undefined : page,
          after,
          size: ACCOUNTS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const getAccountsQueryOptions = (filter: AccountsFilter) =>
  queryOptions({
    queryKey: ['accounts', filter],
    queryFn: ({ signal }) => getAccounts(filter, signal),
    placeholderData: keepPreviousData,
  });

type UseAccountsOptions = {
  filter: AccountsFilter;
  queryConfig?: QueryConfig<typeof getAccountsQueryOptions>;
};

export const useAccounts = ({ filter, queryConfig }: UseAccountsOptions) =>
  useQuery({ ...getAccountsQueryOptions(filter), ...queryConfig });
