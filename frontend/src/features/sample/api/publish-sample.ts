import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateSample } from './invalidate-sample';

export type SamplePublication = { campaignId: number; regionCodes: string[] };

export const publishSample = ({ campaignId, regionCodes }: SamplePublication) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/sample/publish', {
      params: { path: { campaignId } },
      body: { regionCodes },
    }),
  );

export const usePublishSample = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishSample,
    onSuccess: (_, { campaignId }) => invalidateSample(queryClient, campaignId),
  });
};
