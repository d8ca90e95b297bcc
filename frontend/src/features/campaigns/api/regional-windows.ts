import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { RegionalWindowsInput, StageCode } from '@/types/api';

type StageRef = { campaignId: number; stageCode: StageCode };

export const getRegionalWindows = ({ campaignId, stageCode }: StageRef, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/stages/{stageCode}/regional-windows', {
      params: { path: { campaignId, stageCode } },
      signal,
    }),
  );

export const getRegionalWindowsQueryOptions = (campaignId: number, stageCode: StageCode) =>
  queryOptions({
    queryKey: ['campaigns', campaignId, 'regional-windows', stageCode],
    queryFn: ({ signal }) => getRegionalWindows({ campaignId, stageCode }, signal),
  });

/** The stage's window in each region the account may see, in the region's local time. */
export const useRegionalWindows = (campaignId: number, stageCode: StageCode | undefined) =>
  useQuery({
    ...getRegionalWindowsQueryOptions(campaignId, stageCode ?? 'CONDUCT'),
    enabled: stageCode !== undefined,
  });

export const setRegionalWindows = ({
  campaignId,
  stageCode,
  input,
}: StageRef & { input: RegionalWindowsInput }) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/stages/{stageCode}/regional-windows', {
      params: { path: { campaignId, stageCode } },
      body: input,
    }),
  );

export const clearRegionalWindow = ({
  campaignId,
  stageCode,
  regionCode,
}: StageRef & { regionCode: string }) =>
  unwrap(
    api.DELETE('/api/campaigns/{campaignId}/stages/{stageCode}/regional-windows/{regionCode}', {
      params: { path: { campaignId, stageCode, regionCode } },
    }),
  );

const useRefreshing = <T extends StageRef>(mutationFn: (request: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (_, { campaignId, stageCode }) => {
      void queryClient.invalidateQueries({
        queryKey: ['campaigns', campaignId, 'regional-windows', stageCode],
      });
    },
  });
};

export const useSetRegionalWindows = () => useRefreshing(setRegionalWindows);

export const useClearRegionalWindow = () => useRefreshing(clearRegionalWindow);
