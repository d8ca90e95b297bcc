import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The sections of a campaign's forum, or of the general forum (no campaign). */
export const getSections = (campaignId: number | undefined, signal?: AbortSignal) =>
  unwrap(api.GET('/api/forum/sections', { params: { query: { campaignId } }, signal }));

export const getSectionsQueryOptions = (campaignId: number | undefined) =>
  queryOptions({
    queryKey: ['forum', 'sections', campaignId ?? 'general'],
    queryFn: ({ signal }) => getSections(campaignId, signal),
  });

export const useSections = (campaignId: number | undefined) =>
  useQuery(getSectionsQueryOptions(campaignId));
