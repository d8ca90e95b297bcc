import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { RoadmapItemInput } from '@/types/api';

/** The regional coordinator replaces its region's roadmap; a deadline outside its federal window is a 422. */
export const replaceRoadmap = ({
  campaignId,
  items,
}: {
  campaignId: number;
  items: RoadmapItemInput[];
}) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/regional-roadmap', {
      params: { path: { campaignId } },
      body: { items },
    }),
  );

export const useReplaceRoadmap = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceRoadmap,
    onSuccess: (roadmap) =>
      queryClient.setQueryData(['regional-roadmap', roadmap.campaignId, 'own'], roadmap),
  });
};
