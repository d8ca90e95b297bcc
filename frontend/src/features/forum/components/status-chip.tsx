import type { ForumQuestionStatus } from '@/types/api';

const labels: Record<ForumQuestionStatus, string> = {
  OPEN: 'Ждёт ответа',
  ANSWERED: 'Есть ответ',
  MERGED: 'Объединён',
};

export function QuestionStatusChip({ status }: { status: ForumQuestionStatus }) {
  const tone =
    status === 'ANSWERED' ? 'chip--done' : status === 'OPEN' ? 'chip--open' : 'chip--closed';
  return <span className={`chip ${tone}`}>{labels[status]}</span>;
}
