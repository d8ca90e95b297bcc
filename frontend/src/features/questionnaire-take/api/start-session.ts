import { queryOptions, useQuery } from '@tanstack/react-query';

import { unwrap } from '@/lib/api-client';

import { participantApi } from './participant-client';
import type { QuestionnaireSession } from '@/types/api';

/** Starts the signed-in participant's questionnaire, or resumes it (any device). */
export const startQuestionnaireSession = (): Promise<QuestionnaireSession> =>
  unwrap(participantApi.POST('/api/questionnaire-sessions'));

export const questionnaireSessionQueryOptions = (login: string) =>
  queryOptions({
    queryKey: ['questionnaire-session', login],
    queryFn: startQuestionnaireSession,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

export const useQuestionnaireSession = (login: string) =>
  useQuery(questionnaireSessionQueryOptions(login));
