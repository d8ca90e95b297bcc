import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type StaffCoverageFilter = {
  regionCode?: string;
  missingOnly?: boolean;
  page: number;
  size: number;
};

/** Who is appointed in each organization of the published sample, and who is missing. */
export const getStaffCoverage = (
  campaignId: number,
  filter: StaffCoverageFilter,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/staff', {
      params: {
        path: { campaignId },
        query: {
          regionCode: filter.regionCode,
          missingOnly: filter.missingOnly || undefined,
          page: filter.page,
          size: filter.size,
        },
      },
      signal,
    }),
  );

export const getStaffCoverageQueryOptions = (campaignId: number, filter: StaffCoverageFilter) =>
  queryOptions({
    queryKey: ['staff', campaignId, 'coverage', filter],
    queryFn: ({ signal }) => getStaffCoverage(campaignId, filter, signal),
    placeholderData: keepPreviousData,
  });

export const useStaffCoverage = (campaignId: number, filter: StaffCoverageFilter, enabled = true) =>
  useQuery({ ...getStaffCoverageQueryOptions(campaignId, filter), enabled });
