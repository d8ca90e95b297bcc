import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

import type { MonitoringLevel } from '../types';

export const QUESTIONNAIRE_MONITORING_PAGE_SIZE = 50;

/** The live counters are read again this often while the tab is visible. */
export const MONITORING_REFRESH_MS = 10_000;

export type QuestionnaireMonitoringFilter = {
  level: MonitoringLevel;
  subjectKey?: string;
  regionCode?: string;
  municipalityId?: number;
};

/** Kits, kits used, started and submitted by region, municipality or point; totals of the whole set. */
export const getQuestionnaireMonitoring = (
  campaignId: number,
  filter: QuestionnaireMonitoringFilter,
  page: number,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/questionnaire-monitoring', {
      params: {
        path: { campaignId },
        query: { ...filter, page, size: QUESTIONNAIRE_MONITORING_PAGE_SIZE },
      },
      signal,
    }),
  );

export const getQuestionnaireMonitoringQueryOptions = (
  campaignId: number,
  filter: QuestionnaireMonitoringFilter,
  page: number,
) =>
  queryOptions({
    queryKey: ['campaigns', campaignId, 'questionnaire-monitoring', filter, page],
    queryFn: ({ signal }) => getQuestionnaireMonitoring(campaignId, filter, page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    // Live counters: read again every 10 s, but only while someone is looking at the tab.
    refetchInterval: MONITORING_REFRESH_MS,
    refetchIntervalInBackground: false,
  });

type UseQuestionnaireMonitoringOptions = {
  campaignId: number;
  filter: QuestionnaireMonitoringFilter;
  page: number;
  queryConfig?: QueryConfig<typeof getQuestionnaireMonitoringQueryOptions>;
};

export const useQuestionnaireMonitoring = ({
  campaignId,
  filter,
  page,
  queryConfig,
}: UseQuestionnaireMonitoringOptions) =>
  useQuery({
    ...getQuestionnaireMonitoringQueryOptions(campaignId, filter, page),
    ...queryConfig,
  });
