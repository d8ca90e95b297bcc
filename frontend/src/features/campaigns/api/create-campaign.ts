import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { CampaignInput } from '@/types/api';

export const createCampaign = (input: CampaignInput) =>
  unwrap(api.POST('/api/campaigns', { body: input }));

export const useCreateCampaign = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: (campaign) => {
      queryClient.setQueryData(['campaigns', campaign.id], campaign);
      void queryClient.invalidateQueries({ queryKey: ['campaigns'], exact: false });
    },
  });
};
