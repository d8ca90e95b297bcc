import { useLocation } from 'react-router';

import { PageHeader } from '@/components/ui/page-header';
import { ExpertTasks } from '@/features/scoring/components/expert-tasks';

import { ExpertsOnly } from './experts-only';

/** The expert's works to score, open ones first. */
export function ScoringTasksRoute() {
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  return (
    <>
      <PageHeader
        title="Проверка работ"
        subtitle="Работы, назначенные вам на проверку: сначала непроверенные"
      />
      <ExpertsOnly>
        <ExpertTasks notice={notice} />
      </ExpertsOnly>
    </>
  );
}
