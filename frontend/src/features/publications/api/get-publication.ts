import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const getPublication = (
  { publicationId }: { publicationId: number },
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/publications/{publicationId}', {
      params: { path: { publicationId } },
      signal,
    }),
  );

export const publicationQueryKey = (publicationId: number) =>
  ['publications', 'one', publicationId] as const;

export const getPublicationQueryOptions = (publicationId: number) =>
  queryOptions({
    queryKey: publicationQueryKey(publicationId),
    queryFn: ({ signal }) => getPublication({ publicationId }, signal),
    staleTime: 0,
  });

type UsePublicationOptions = {
  publicationId: number;
  queryConfig?: QueryConfig<typeof getPublicationQueryOptions>;
};

export const usePublication = ({ publicationId, queryConfig }: UsePublicationOptions) =>
  useQuery({ ...getPublicationQueryOptions(publicationId), ...queryConfig });
