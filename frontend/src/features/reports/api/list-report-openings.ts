import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const OPENINGS_PAGE_SIZE = 20;

type OpeningsQuery = { campaignId: number; opened?: boolean; page: number };

/** Which organizations with results have opened their reports (monitoring). */
export const listReportOpenings = (
  { campaignId, opened, page }: OpeningsQuery,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/results/openings', {
      params: { path: { campaignId }, query: { opened, page, size: OPENINGS_PAGE_SIZE } },
      signal,
    }),
  );

export const useReportOpenings = (query: OpeningsQuery) =>
  useQuery(
    queryOptions({
      queryKey: ['report-openings', query],
      queryFn: ({ signal }) => listReportOpenings(query, signal),
      placeholderData: keepPreviousData,
    }),
  );
