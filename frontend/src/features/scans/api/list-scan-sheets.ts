import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';
import type { SheetStatus } from '@/types/api';

export const SCAN_SHEETS_PAGE_SIZE = 50;

export type ScanSheetsFilter = {
  campaignId: number;
  organizationId?: number;
  batchId?: number;
  status?: SheetStatus;
  page: number;
};

/** Current sheets in the caller's scope, e.g. the errors of an organization or of a batch. */
export const listScanSheets = (filter: ScanSheetsFilter, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/scan-sheets', {
      params: {
        path: { campaignId: filter.campaignId },
        query: {
          organizationId: filter.organizationId,
          batchId: filter.batchId,
          status: filter.status,
          page: filter.page,
          size: SCAN_SHEETS_PAGE_SIZE,
        },
      },
      signal,
    }),
  );

export const listScanSheetsQueryOptions = (filter: ScanSheetsFilter) =>
  queryOptions({
    queryKey: ['scan-sheets', 'list', filter],
    queryFn: ({ signal }) => listScanSheets(filter, signal),
    placeholderData: keepPreviousData,
  });

type UseScanSheetsOptions = {
  filter: ScanSheetsFilter;
  queryConfig?: QueryConfig<typeof listScanSheetsQueryOptions>;
};

export const useScanSheets = ({ filter, queryConfig }: UseScanSheetsOptions) =>
  useQuery({ ...listScanSheetsQueryOptions(filter), ...queryConfig });
