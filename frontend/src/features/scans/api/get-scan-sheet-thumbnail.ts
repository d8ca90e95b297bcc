import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/**
 * A sheet's small PNG preview, fetched with the bearer token (an <img src> could not send it);
 * `null` when there is none yet or the file is unreadable (404).
 */
export async function getScanSheetThumbnail(
  sheetId: number,
  signal?: AbortSignal,
): Promise<Blob | null> {
  const { data, response } = await api.GET('/api/scan-sheets/{sheetId}/thumbnail', {
    params: { path: { sheetId } },
    parseAs: 'blob',
    signal,
  });
  if (response.status === 404) return null;
  if (!response.ok || !data) {
    throw new ApiError(`Не удалось загрузить миниатюру (код ${response.status}).`, response.status);
  }
  return data;
}

export const getScanSheetThumbnailQueryOptions = (sheetId: number) =>
  queryOptions({
    queryKey: ['scan-sheets', sheetId, 'thumbnail'],
    queryFn: ({ signal }) => getScanSheetThumbnail(sheetId, signal),
    staleTime: Infinity,
    retry: false,
  });

type UseScanSheetThumbnailOptions = {
  sheetId: number;
  queryConfig?: QueryConfig<typeof getScanSheetThumbnailQueryOptions>;
};

export const useScanSheetThumbnail = ({ sheetId, queryConfig }: UseScanSheetThumbnailOptions) =>
  useQuery({ ...getScanSheetThumbnailQueryOptions(sheetId), ...queryConfig });
