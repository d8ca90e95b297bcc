import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';
import type { Organization, OrganizationKind, SampleEntry } from '@/types/api';

const PAGE_SIZE = 100;

export type PreliminaryListDraftFilter = {
  campaignId: number;
  regionCode: string;
  kinds: OrganizationKind[];
};

export type PreliminaryListDraft = { organizations: Organization[]; entries: SampleEntry[] };

/** Reads every page of a paged list, one after another. */
async function readAll<T>(
  readPage: (page: number) => Promise<{ items: T[]; totalPages: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; ; page += 1) {
    const result = await readPage(page);
    items.push(...result.items);
    if (page + 1 >= result.totalPages || result.items.length === 0) return items;
  }
}

/**
 * What the in-browser preliminary-list editor starts from: every organization of the region of
 * the campaign's kinds, and the region's current list (if any), all pages of both.
 */
export async function getPreliminaryListDraft(
  { campaignId, regionCode, kinds }: PreliminaryListDraftFilter,
  signal?: AbortSignal,
): Promise<PreliminaryListDraft> {
  const organizations: Organization[] = [];
  for (const kind of kinds) {
    organizations.push(
      ...(await readAll((page) =>
        unwrap(
          api.GET('/api/organizations', {
            params: { query: { regionCode, kind, page, size: PAGE_SIZE } },
            signal,
          }),
        ),
      )),
    );
  }
  const entries = await readAll((page) =>
    unwrap(
      api.GET('/api/campaigns/{campaignId}/sample', {
        params: { path: { campaignId }, query: { regionCode, page, size: PAGE_SIZE } },
        signal,
      }),
    ),
  );
  return { organizations, entries };
}

export const getPreliminaryListDraftQueryOptions = (filter: PreliminaryListDraftFilter) =>
  queryOptions({
    queryKey: ['campaigns', filter.campaignId, 'sample', 'preliminary-draft', filter],
    queryFn: ({ signal }) => getPreliminaryListDraft(filter, signal),
    staleTime: 0,
  });

type UsePreliminaryListDraftOptions = {
  filter: PreliminaryListDraftFilter;
  queryConfig?: QueryConfig<typeof getPreliminaryListDraftQueryOptions>;
};

export const usePreliminaryListDraft = ({ filter, queryConfig }: UsePreliminaryListDraftOptions) =>
  useQuery({ ...getPreliminaryListDraftQueryOptions(filter), ...queryConfig });
