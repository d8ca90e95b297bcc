import { queryOptions, useQueries } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { StageCode } from '@/types/api';

export const getStageExtensions = (
  { campaignId, stageCode }: { campaignId: number; stageCode: StageCode },
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/stages/{stageCode}/extensions', {
      params: { path: { campaignId, stageCode } },
      signal,
    }),
  );

export const getStageExtensionsQueryOptions = (campaignId: number, stageCode: StageCode) =>
  queryOptions({
    queryKey: ['campaigns', campaignId, 'extensions', stageCode],
    queryFn: ({ signal }) => getStageExtensions({ campaignId, stageCode }, signal),
  });

/** The extensions of each of `stageCodes`, one query per stage. */
export const useStagesExtensions = (campaignId: number, stageCodes: StageCode[]) =>
  useQueries({
    queries: stageCodes.map((stageCode) => getStageExtensionsQueryOptions(campaignId, stageCode)),
  });
