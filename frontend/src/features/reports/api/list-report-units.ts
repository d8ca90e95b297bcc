import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export const REPORT_UNITS_PAGE_SIZE = 50;

export type ReportUnitSort = components['schemas']['ReportUnitSort'];

export type ReportUnitsQuery = {
  campaignId: number;
  subjectKey: string;
  municipalityId?: number;
  regionCode?: string;
  sort: ReportUnitSort;
  descending: boolean;
  flaggedOnly: boolean;
  q: string;
  /** Zero-based, as in the API. */
  page: number;
};

/** Report 6: the units below, with their indicators and flags. */
export const listReportUnits = (
  { campaignId, subjectKey, q, ...rest }: ReportUnitsQuery,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/results/reports/{subjectKey}/units', {
      params: {
        path: { campaignId, subjectKey },
        query: { ...rest, q: q || undefined, size: REPORT_UNITS_PAGE_SIZE },
      },
      signal,
    }),
  );

export const listReportUnitsQueryOptions = (query: ReportUnitsQuery) =>
  queryOptions({
    queryKey: ['report-units', query],
    queryFn: ({ signal }) => listReportUnits(query, signal),
    placeholderData: keepPreviousData,
  });

export const useReportUnits = (query: ReportUnitsQuery, enabled = true) =>
  useQuery({ ...listReportUnitsQueryOptions(query), enabled });
