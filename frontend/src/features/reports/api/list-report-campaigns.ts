import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The campaigns the caller takes part in (first 50, newest first). */
export const listReportCampaigns = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/campaigns', { params: { query: { page: 0, size: 50 } }, signal }));

export const useReportCampaigns = () =>
  useQuery(
    queryOptions({
      queryKey: ['report-campaigns'],
      queryFn: ({ signal }) => listReportCampaigns(signal),
    }),
  );
