import { useParams } from 'react-router';

import { NotFound } from '@/components/errors/not-found';
import { QuestionPage } from '@/features/forum/components/question-page';

const ID = /^[1-9][0-9]{0,14}$/;

export function ForumQuestionRoute() {
  const { questionId = '' } = useParams();
  if (!ID.test(questionId)) return <NotFound />;
  return <QuestionPage questionId={Number(questionId)} />;
}
