import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** What to issue for: a campaign's published sample in a region (or one municipality of it), or one organization. */
export type HandoutChoice = {
  regionCode: string;
  campaignId?: number;
  municipalityId?: number;
  organizationId?: number;
};

/** How many logins the choice would issue, and how many working passwords it would replace. */
export const previewHandout = (choice: HandoutChoice, signal?: AbortSignal) =>
  unwrap(api.GET('/api/credential-handouts/preview', { params: { query: choice }, signal }));

export const previewHandoutQueryOptions = (choice: HandoutChoice) =>
  queryOptions({
    queryKey: ['credential-handouts', 'preview', choice],
    queryFn: ({ signal }) => previewHandout(choice, signal),
    // A count to confirm must be the current one: never served from an old cache.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

type UsePreviewHandoutOptions = {
  choice: HandoutChoice;
  queryConfig?: QueryConfig<typeof previewHandoutQueryOptions>;
};

export const usePreviewHandout = ({ choice, queryConfig }: UsePreviewHandoutOptions) =>
  useQuery({ ...previewHandoutQueryOptions(choice), ...queryConfig });
