import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type TestDaysKey = { campaignId: number; organizationId: number };

export const getTestDays = ({ campaignId, organizationId }: TestDaysKey, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/organizations/{organizationId}/test-days', {
      params: { path: { campaignId, organizationId } },
      signal,
    }),
  );

export const getTestDaysQueryOptions = (key: TestDaysKey) =>
  queryOptions({
    queryKey: ['campaigns', key.campaignId, 'test-days', key.organizationId],
    queryFn: ({ signal }) => getTestDays(key, signal),
  });

export const useTestDays = (key: TestDaysKey) => useQuery(getTestDaysQueryOptions(key));
