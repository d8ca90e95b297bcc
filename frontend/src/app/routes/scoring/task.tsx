import { useLocation, useParams } from 'react-router';

import { ScoringTaskPage } from '@/features/scoring/components/scoring-task-page';

import { NotFoundRoute } from '../not-found';
import { ExpertsOnly } from './experts-only';

/** One work: the scan beside the criteria form. */
export function ScoringTaskRoute() {
  const params = useParams();
  const location = useLocation();
  const taskId = Number(params.taskId);
  if (!Number.isSafeInteger(taskId) || taskId <= 0) return <NotFoundRoute />;
  const notice = (location.state as { notice?: string } | null)?.notice;
  return (
    <ExpertsOnly>
      {notice && (
        <p className="alert alert--info" role="status">
          {notice}
        </p>
      )}
      <ScoringTaskPage key={taskId} taskId={taskId} />
    </ExpertsOnly>
  );
}
