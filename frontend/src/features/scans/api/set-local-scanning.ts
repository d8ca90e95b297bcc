import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { getLocalScanningQueryOptions, type LocalScanningScope } from './get-local-scanning';

export type LocalScanningChange = LocalScanningScope & { organizationIds: number[] };

/** Sets the whole list of organizations that scan and upload locally. */
export const setLocalScanning = ({
  campaignId,
  regionCode,
  organizationIds,
}: LocalScanningChange) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/regions/{regionCode}/local-scanning', {
      params: { path: { campaignId, regionCode } },
      body: { organizationIds },
    }),
  );

export const useSetLocalScanning = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setLocalScanning,
    onSuccess: (data, { campaignId, regionCode }) =>
      queryClient.setQueryData(
        getLocalScanningQueryOptions({ campaignId, regionCode }).queryKey,
        data,
      ),
  });
};
