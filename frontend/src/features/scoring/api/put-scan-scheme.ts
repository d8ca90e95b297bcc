import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ScanSchemeInput } from '@/types/api';

/** Stores a subject's scheme: pages, criteria, the share of second scorings, the threshold. */
export const putScanScheme = ({
  campaignId,
  subjectKey,
  scheme,
}: {
  campaignId: number;
  subjectKey: string;
  scheme: ScanSchemeInput;
}) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/scan-schemes/{subjectKey}', {
      params: { path: { campaignId, subjectKey } },
      body: scheme,
    }),
  );

export const usePutScanScheme = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putScanScheme,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: ['scan-schemes', campaignId] }),
  });
};
