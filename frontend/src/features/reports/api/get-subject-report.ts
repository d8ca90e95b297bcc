import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The unit a report is about: at most one of these; none means the caller's own. */
export type ReportUnitQuery = {
  organizationId?: number;
  municipalityId?: number;
  regionCode?: string;
};

export type SubjectReportQuery = ReportUnitQuery & { campaignId: number; subjectKey: string };

/** Reports 1–4 of a unit against the levels above it. */
export const getSubjectReport = (
  { campaignId, subjectKey, ...unit }: SubjectReportQuery,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/campaigns/{campaignId}/results/reports/{subjectKey}', {
      params: { path: { campaignId, subjectKey }, query: unit },
      signal,
    }),
  );

export const getSubjectReportQueryOptions = (query: SubjectReportQuery) =>
  queryOptions({
    queryKey: ['subject-report', query],
    queryFn: ({ signal }) => getSubjectReport(query, signal),
  });

export const useSubjectReport = (query: SubjectReportQuery, enabled = true) =>
  useQuery({ ...getSubjectReportQueryOptions(query), enabled });
