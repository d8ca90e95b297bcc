import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useNow } from '@/hooks/use-now';

import '../scoring.css';
import { useScoringTask } from '../api/get-scoring-task';
import { listScoringTasksQueryOptions } from '../api/list-scoring-tasks';
import { roundLabel } from '../utils/labels';
import { ScanViewer } from './scan-viewer';
import { ScoreForm } from './score-form';
import { ScoringDeadline, scoringClosed } from './scoring-deadline';

/** Where the expert scores one work: the scan beside the criteria form. */
export function ScoringTaskPage({ taskId }: { taskId: number }) {
  const task = useScoringTask({ taskId });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [chosenPage, setChosenPage] = useState<number>();
  const [leaving, setLeaving] = useState(false);
  const now = useNow();

  if (task.isPending) return <Loading label="Загружаем работу…" />;
  if (task.isError) {
    return (
      <>
        <PageHeader title="Проверка работы" />
        <ErrorMessage
          error={task.error}
          title="Не удалось открыть работу"
          onRetry={() => void task.refetch()}
        />
        <p>
          <Link to={paths.scoring.tasks.getHref()}>← К списку работ</Link>
        </p>
      </>
    );
  }
  const work = task.data;
  const pages = [...work.pages].sort((a, b) => a - b);
  const page = chosenPage ?? work.criteria[0]?.page ?? pages[0] ?? 1;

  /** After saving: the next open work, or the list when none is left. */
  const goToNext = async () => {
    setLeaving(true);
    try {
      const open = await queryClient.fetchQuery({
        ...listScoringTasksQueryOptions({ status: 'OPEN', page: 0, size: 5 }),
        staleTime: 0,
      });
      const next = open.items.find((item) => item.id !== work.id && item.status === 'OPEN');
      if (next) {
        setChosenPage(undefined);
        void navigate(paths.scoring.task.getHref(next.id), {
          state: { notice: `Баллы за комплект ${work.kitNumber} сохранены. Следующая работа.` },
        });
      } else {
        void navigate(paths.scoring.tasks.getHref(), {
          state: {
            notice: `Баллы за комплект ${work.kitNumber} сохранены. Непроверенных работ больше нет.`,
          },
        });
      }
    } catch {
      void navigate(paths.scoring.tasks.getHref(), {
        state: { notice: `Баллы за комплект ${work.kitNumber} сохранены.` },
      });
    } finally {
      setLeaving(false);
    }
  };

  return (
    <div className="scoring-task" data-testid="scoring-task">
      <PageHeader
        title={`${work.subjectName}: комплект ${work.kitNumber}`}
        subtitle={`${roundLabel(work.round)} · ${work.status === 'OPEN' ? 'не проверена' : 'баллы выставлены'}`}
      >
        <Breadcrumbs
          items={[
            { label: 'Проверка работ', to: paths.scoring.tasks.getHref() },
            { label: `Комплект ${work.kitNumber}` },
          ]}
        />
      </PageHeader>
      {!work.final && (
        <ScoringDeadline closesAt={work.closesAt} timeZone={work.timeZone} now={now} />
      )}
      <div className="scoring-task__layout">
        <ScanViewer taskId={work.id} pages={pages} page={page} onPageChange={setChosenPage} />
        <div className="scoring-task__form">
          {leaving ? (
            <Loading label="Баллы сохранены. Открываем следующую работу…" />
          ) : (
            <ScoreForm
              key={work.id}
              task={work}
              page={page}
              onShowPage={setChosenPage}
              closed={scoringClosed(work.closesAt, now)}
              onSaved={() => void goToNext()}
            />
          )}
        </div>
      </div>
    </div>
  );
}
