import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** One sheet with the files it replaced, newest first. */
export const getScanSheet = (sheetId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/scan-sheets/{sheetId}', { params: { path: { sheetId } }, signal }));

export const getScanSheetQueryOptions = (sheetId: number) =>
  queryOptions({
    queryKey: ['scan-sheets', sheetId],
    queryFn: ({ signal }) => getScanSheet(sheetId, signal),
  });

type UseScanSheetOptions = {
  sheetId: number;
  queryConfig?: QueryConfig<typeof getScanSheetQueryOptions>;
};

export const useScanSheet = ({ sheetId, queryConfig }: UseScanSheetOptions) =>
  useQuery({ ...getScanSheetQueryOptions(sheetId), ...queryConfig });
