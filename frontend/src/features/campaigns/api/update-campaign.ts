import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { CampaignUpdate } from '@/types/api';

/** Changes a campaign; `version` is the one read, and a 409 means someone changed it meanwhile. */
export const updateCampaign = ({
  campaignId,
  input,
}: {
  campaignId: number;
  input: CampaignUpdate;
}) =>
  unwrap(api.PUT('/api/campaigns/{campaignId}', { params: { path: { campaignId } }, body: input }));

export const useUpdateCampaign = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCampaign,
    onSuccess: (campaign) => {
      queryClient.setQueryData(['campaigns', campaign.id], campaign);
      void queryClient.invalidateQueries({ queryKey: ['campaigns'], exact: false });
    },
  });
};
