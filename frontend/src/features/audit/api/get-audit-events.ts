import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const AUDIT_PAGE_SIZE = 20;

export type AuditFilter = {
  /** One region's events; the federal organizer may leave it out to read every region. */
  regionCode?: string;
  /** Zero-based, as in the API. */
  page: number;
};

export const getAuditEvents = ({ regionCode, page }: AuditFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/audit', {
      params: { query: { regionCode, page, size: AUDIT_PAGE_SIZE } },
      signal,
    }),
  );

export const getAuditEventsQueryOptions = (filter: AuditFilter) =>
  queryOptions({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => getAuditEvents(filter, signal),
    // The log grows all the time: read it afresh on every visit.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

type UseAuditEventsOptions = {
  filter: AuditFilter;
  queryConfig?: QueryConfig<typeof getAuditEventsQueryOptions>;
};

export const useAuditEvents = ({ filter, queryConfig }: UseAuditEventsOptions) =>
  useQuery({ ...getAuditEventsQueryOptions(filter), ...queryConfig });
