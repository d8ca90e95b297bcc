import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';
import type { SampleStatus } from '@/types/api';

export const SAMPLE_PAGE_SIZE = 20;

export type SampleEntriesFilter = {
  campaignId: number;
  regionCode?: string;
  status?: SampleStatus;
  q?: string;
  /** Zero-based, as in the API. */
  page: number;
};

export const getSampleEntries = (
  { campaignId, regionCode, status, q, page }: SampleEntriesFilter,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/sample', {
      params: {
        path: { campaignId },
        query: { regionCode, status, q: q || undefined, page, size: SAMPLE_PAGE_SIZE },
      },
      signal,
    }),
  );

export const getSampleEntriesQueryOptions = (filter: SampleEntriesFilter) =>
  queryOptions({
    queryKey: ['campaigns', filter.campaignId, 'sample', 'entries', filter],
    queryFn: ({ signal }) => getSampleEntries(filter, signal),
    placeholderData: keepPreviousData,
  });

type UseSampleEntriesOptions = {
  filter: SampleEntriesFilter;
  queryConfig?: QueryConfig<typeof getSampleEntriesQueryOptions>;
};

export const useSampleEntries = ({ filter, queryConfig }: UseSampleEntriesOptions) =>
  useQuery({ ...getSampleEntriesQueryOptions(filter), ...queryConfig });
