import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { PreliminaryListInput } from '@/types/api';

import { invalidateSample } from './invalidate-sample';

export type PreliminaryListSubmission = {
  campaignId: number;
  regionCode: string;
  input: PreliminaryListInput;
};

/** Replaces the region's whole preliminary list; 422 names each wrong entry by its index. */
export const submitPreliminaryList = ({
  campaignId,
  regionCode,
  input,
}: PreliminaryListSubmission) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/regions/{regionCode}/preliminary-list', {
      params: { path: { campaignId, regionCode } },
      body: input,
    }),
  );

export const useSubmitPreliminaryList = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitPreliminaryList,
    onSuccess: (_, { campaignId }) => invalidateSample(queryClient, campaignId),
  });
};
