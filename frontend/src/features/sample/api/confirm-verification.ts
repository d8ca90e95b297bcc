import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateSample } from './invalidate-sample';

export type VerificationConfirmation = { campaignId: number; uploadId: number };

/** Applies the changes of an uploaded verification form. */
export const confirmVerification = ({ campaignId, uploadId }: VerificationConfirmation) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/sample/verification-uploads/{uploadId}/confirm', {
      params: { path: { campaignId, uploadId } },
    }),
  );

export const useConfirmVerification = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmVerification,
    onSuccess: (_, { campaignId }) => invalidateSample(queryClient, campaignId),
  });
};
