import type { QueryClient } from '@tanstack/react-query';

/** Forgets the campaign's sample summary and entries after a change. */
export const invalidateSample = (queryClient: QueryClient, campaignId: number) =>
  queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'sample'] });
