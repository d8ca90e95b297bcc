import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** The point's own protocol 2 (draft or submitted): the comment and school of every kit. */
export const getProtocol2Response = (formId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/forms/{formId}/response', { params: { path: { formId } }, signal }));

export const getProtocol2ResponseQueryOptions = (formId: number) =>
  queryOptions({
    queryKey: ['protocol1', 'form', formId, 'response'],
    queryFn: ({ signal }) => getProtocol2Response(formId, signal),
    // The point may be filling protocol 2 in another tab: read it afresh on every visit.
    staleTime: 0,
  });

type UseProtocol2ResponseOptions = {
  formId: number | undefined;
  queryConfig?: QueryConfig<typeof getProtocol2ResponseQueryOptions>;
};

export const useProtocol2Response = ({ formId, queryConfig }: UseProtocol2ResponseOptions) =>
  useQuery({
    ...getProtocol2ResponseQueryOptions(formId ?? 0),
    enabled: formId !== undefined,
    ...queryConfig,
  });
