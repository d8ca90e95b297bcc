import { unwrap } from '@/lib/api-client';

import type { AnswersPatch } from '../types';
import { participantApi } from './participant-client';
import type { QuestionnaireSaved } from '@/types/api';

/** Autosave: merges the changed answers into the session (a null clears one). */
export const saveQuestionnaireAnswers = (
  sessionId: string,
  answers: AnswersPatch,
): Promise<QuestionnaireSaved> =>
  unwrap(
    participantApi.PUT('/api/questionnaire-sessions/{sessionId}/answers', {
      params: { path: { sessionId } },
      body: { answers },
    }),
  );
