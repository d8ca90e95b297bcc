import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** Gives the region's complete, unassigned works of a subject to its experts (balanced). */
export const distributeWorks = ({
  campaignId,
  regionCode,
  subjectKey,
}: {
  campaignId: number;
  regionCode: string;
  subjectKey: string;
}) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/scoring/distributions', {
      params: { path: { campaignId } },
      body: { regionCode, subjectKey },
    }),
  );

export const useDistributeWorks = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: distributeWorks,
    onSuccess: (_, { campaignId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['experts', campaignId] }),
        queryClient.invalidateQueries({ queryKey: ['scoring-results', campaignId] }),
      ]),
  });
};
