import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';
import type { OrganizationKind } from '@/types/api';

export const ORGANIZATIONS_PAGE_SIZE = 20;

export type OrganizationsFilter = {
  regionCode?: string;
  /** A municipality's id, or `null` for the organizations that belong to none. */
  municipalityId?: number | null;
  kind?: OrganizationKind;
  q?: string;
  /** Zero-based, as in the API. */
  page: number;
};

export const getOrganizations = (filter: OrganizationsFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/organizations', {
      params: {
        query: {
          regionCode: filter.regionCode,
          municipalityId: filter.municipalityId ?? undefined,
          withoutMunicipality: filter.municipalityId === null ? true : undefined,
          kind: filter.kind,
          q: filter.q || undefined,
          page: filter.page,
          size: ORGANIZATIONS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const getOrganizationsQueryOptions = (filter: OrganizationsFilter) =>
  queryOptions({
    queryKey: ['organizations', filter],
    queryFn: ({ signal }) => getOrganizations(filter, signal),
    placeholderData: keepPreviousData,
  });

type UseOrganizationsOptions = {
  filter: OrganizationsFilter;
  queryConfig?: QueryConfig<typeof getOrganizationsQueryOptions>;
};

export const useOrganizations = ({ filter, queryConfig }: UseOrganizationsOptions) =>
  useQuery({ ...getOrganizationsQueryOptions(filter), ...queryConfig });
