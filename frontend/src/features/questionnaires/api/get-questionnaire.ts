import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** A definition: the current version, or `version` when an earlier one is asked for. */
export const getQuestionnaire = (
  questionnaireId: number,
  version: number | undefined,
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/questionnaires/{questionnaireId}', {
      params: { path: { questionnaireId }, query: version ? { version } : {} },
      signal,
    }),
  );

export const getQuestionnaireQueryOptions = (questionnaireId: number, version?: number) =>
  queryOptions({
    queryKey: ['questionnaires', questionnaireId, { version: version ?? 'current' }],
    queryFn: ({ signal }) => getQuestionnaire(questionnaireId, version, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

type UseQuestionnaireOptions = {
  questionnaireId: number;
  version?: number;
  queryConfig?: QueryConfig<typeof getQuestionnaireQueryOptions>;
};

export const useQuestionnaire = ({
  questionnaireId,
  version,
  queryConfig,
}: UseQuestionnaireOptions) =>
  useQuery({ ...getQuestionnaireQueryOptions(questionnaireId, version), ...queryConfig });
