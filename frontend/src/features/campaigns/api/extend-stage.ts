import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { StageCode, StageExtensionInput } from '@/types/api';

export type StageExtensionRequest = {
  campaignId: number;
  stageCode: StageCode;
  extension: StageExtensionInput;
};

export const extendStage = ({ campaignId, stageCode, extension }: StageExtensionRequest) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/stages/{stageCode}/extensions', {
      params: { path: { campaignId, stageCode } },
      body: extension,
    }),
  );

export const useExtendStage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: extendStage,
    onSuccess: (_, { campaignId, stageCode }) => {
      void queryClient.invalidateQueries({
        queryKey: ['campaigns', campaignId, 'extensions', stageCode],
      });
      void queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId], exact: true });
    },
  });
};
