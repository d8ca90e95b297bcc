import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const EXPERTS_PAGE_SIZE = 20;

export type ExpertsFilter = {
  campaignId: number;
  regionCode?: string;
  subjectKey?: string;
  /** Zero-based, as in the API. */
  page: number;
};

/** The campaign's experts in the caller's scope, with how many works each has and has scored. */
export const listExperts = (
  { campaignId, regionCode, subjectKey, page }: ExpertsFilter,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/experts', {
      params: {
        path: { campaignId },
        query: {
          regionCode: regionCode || undefined,
          subjectKey: subjectKey || undefined,
          page,
          size: EXPERTS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const listExpertsQueryOptions = (filter: ExpertsFilter) =>
  queryOptions({
    queryKey: ['experts', filter.campaignId, filter],
    queryFn: ({ signal }) => listExperts(filter, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

type UseExpertsOptions = {
  filter: ExpertsFilter;
  queryConfig?: QueryConfig<typeof listExpertsQueryOptions>;
};

export const useExperts = ({ filter, queryConfig }: UseExpertsOptions) =>
  useQuery({ ...listExpertsQueryOptions(filter), ...queryConfig });
