import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateSample } from './invalidate-sample';

export type SampleDraw = {
  campaignId: number;
  perRegion: number;
  seed: number;
  regionCodes?: string[];
};

export const drawSample = ({ campaignId, perRegion, seed, regionCodes }: SampleDraw) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/sample/draw', {
      params: { path: { campaignId } },
      body: { perRegion, seed, regionCodes: regionCodes?.length ? regionCodes : undefined },
    }),
  );

export const useDrawSample = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: drawSample,
    onSuccess: (_, { campaignId }) => invalidateSample(queryClient, campaignId),
  });
};
