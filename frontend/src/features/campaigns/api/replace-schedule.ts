import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { StageInput } from '@/types/api';

export type ScheduleChange = { campaignId: number; version: number; stages: StageInput[] };

/** Sets the whole schedule; `version` is the campaign's as read (409 when it moved on). */
export const replaceSchedule = ({ campaignId, version, stages }: ScheduleChange) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/schedule', {
      params: { path: { campaignId } },
      body: { version, stages },
    }),
  );

export const useReplaceSchedule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceSchedule,
    onSuccess: (campaign) => {
      queryClient.setQueryData(['campaigns', campaign.id], campaign);
    },
  });
};
