import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { TestDaysInput } from '@/types/api';

import type { TestDaysKey } from './get-test-days';

export type TestDaysRequest = TestDaysKey & { input: TestDaysInput };

export const replaceTestDays = ({ campaignId, organizationId, input }: TestDaysRequest) =>
  unwrap(
    api.PUT('/api/campaigns/{campaignId}/organizations/{organizationId}/test-days', {
      params: { path: { campaignId, organizationId } },
      body: input,
    }),
  );

export const useReplaceTestDays = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceTestDays,
    onSuccess: (saved, { campaignId, organizationId }) => {
      queryClient.setQueryData(['campaigns', campaignId, 'test-days', organizationId], saved);
      // The campaign's conduct and results windows move with the days.
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
};
