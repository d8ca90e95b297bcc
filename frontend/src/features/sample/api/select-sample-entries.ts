import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateSample } from './invalidate-sample';

export type SampleSelection = { campaignId: number; include?: number[]; exclude?: number[] };

/** Adds organizations of the preliminary list to the sample, or takes them out. */
export const selectSampleEntries = ({ campaignId, include, exclude }: SampleSelection) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/sample/selection', {
      params: { path: { campaignId } },
      body: { include, exclude },
    }),
  );

export const useSelectSampleEntries = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: selectSampleEntries,
    onSuccess: (_, { campaignId }) => invalidateSample(queryClient, campaignId),
  });
};
