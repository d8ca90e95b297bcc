import { useEffect, useState, useSyncExternalStore } from 'react';

import { saveQuestionnaireAnswers } from '../api/save-answers';
import { submitQuestionnaire } from '../api/submit-questionnaire';
import { AnswerSync } from '../utils/answer-sync';
import type { QuestionnaireSession } from '@/types/api';

/** The participant's answers for this session, kept on the phone and saved to the server. */
export function useAnswerSync(login: string, session: QuestionnaireSession) {
  const [sync] = useState(
    () =>
      new AnswerSync({
        login,
        session,
        save: saveQuestionnaireAnswers,
        submit: submitQuestionnaire,
      }),
  );
  useEffect(() => {
    sync.start();
    return () => sync.dispose();
  }, [sync]);
  const snapshot = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  return { sync, snapshot };
}
