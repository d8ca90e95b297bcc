import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';
import type { FormResponseStatus } from '@/types/api';

export const MONITORING_PAGE_SIZE = 50;

export type MonitoringFilter = {
  status?: FormResponseStatus;
  regionCode?: string;
  municipalityId?: number;
};

/** Who in the caller's scope has not started, has a draft, or submitted; totals of the whole set. */
export const getFormMonitoring = (
  formId: number,
  filter: MonitoringFilter,
  page: number,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/forms/{formId}/monitoring', {
      params: {
        path: { formId },
        query: { ...filter, page, size: MONITORING_PAGE_SIZE },
      },
      signal,
    }),
  );

export const getFormMonitoringQueryOptions = (
  formId: number,
  filter: MonitoringFilter,
  page: number,
) =>
  queryOptions({
    queryKey: ['forms', formId, 'monitoring', filter, page],
    queryFn: ({ signal }) => getFormMonitoring(formId, filter, page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

type UseFormMonitoringOptions = {
  formId: number;
  filter: MonitoringFilter;
  page: number;
  queryConfig?: QueryConfig<typeof getFormMonitoringQueryOptions>;
};

export const useFormMonitoring = ({
  formId,
  filter,
  page,
  queryConfig,
}: UseFormMonitoringOptions) =>
  useQuery({ ...getFormMonitoringQueryOptions(formId, filter, page), ...queryConfig });
