import { unwrap } from '@/lib/api-client';

import type { AnswersPatch } from '../types';
import { participantApi } from './participant-client';
import type { QuestionnaireSession } from '@/types/api';

/**
 * «Сдать анкету»: the answers not yet saved go along; `idempotencyKey` is generated once per
 * attempt, so a retry after a dropped connection is counted once.
 */
export const submitQuestionnaire = (
  sessionId: string,
  answers: AnswersPatch,
  idempotencyKey: string,
): Promise<QuestionnaireSession> =>
  unwrap(
    participantApi.POST('/api/questionnaire-sessions/{sessionId}/submission', {
      params: { path: { sessionId }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { answers },
    }),
  );
