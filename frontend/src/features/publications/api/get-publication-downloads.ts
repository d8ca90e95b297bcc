import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const DOWNLOADS_PAGE_SIZE = 20;

export type DownloadsFilter = {
  publicationId: number;
  /** true — only those that have downloaded; false — only those that have not; absent — all. */
  downloaded?: boolean;
  /** Zero-based, as in the API. */
  page: number;
  /** The keyset cursor of the previous page's `next` (then `page` only numbers the page shown). */
  after?: string;
};

export const getPublicationDownloads = (
  { publicationId, downloaded, page, after }: DownloadsFilter,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/publications/{publicationId}/downloads', {
      params: {
        path: { publicationId },
        query: { downloaded, page: after ? undefined : page, after, size: DOWNLOADS_PAGE_SIZE },
      },
      signal,
    }),
  );

export const getPublicationDownloadsQueryOptions = (filter: DownloadsFilter) =>
  queryOptions({
    queryKey: ['publications', 'downloads', filter],
    queryFn: ({ signal }) => getPublicationDownloads(filter, signal),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

type UsePublicationDownloadsOptions = {
  filter: DownloadsFilter;
  queryConfig?: QueryConfig<typeof getPublicationDownloadsQueryOptions>;
};

export const usePublicationDownloads = ({ filter, queryConfig }: UsePublicationDownloadsOptions) =>
  useQuery({ ...getPublicationDownloadsQueryOptions(filter), ...queryConfig });
