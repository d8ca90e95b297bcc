import { useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { useNow } from '@/hooks/use-now';
import { formatNumber, formatZonedDateTimeNamed, plural } from '@/utils/format';

import '../scoring.css';
import { SCORING_TASKS_PAGE_SIZE, useScoringTasks } from '../api/list-scoring-tasks';
import { roundLabel } from '../utils/labels';
import { ScoringDeadline } from './scoring-deadline';

/** The expert's works: open ones first, each with its subject, kit and round. */
export function ExpertTasks({ notice }: { notice?: string }) {
  const [page, setPage] = useState(1);
  const tasks = useScoringTasks({ filter: { page: page - 1 } });
  const now = useNow();

  if (tasks.isPending) return <Loading label="Загружаем ваши работы…" />;
  if (tasks.isError) {
    return (
      <ErrorMessage
        error={tasks.error}
        title="Не удалось загрузить работы"
        onRetry={() => void tasks.refetch()}
      />
    );
  }
  const { items, total } = tasks.data;
  const open = items.filter((task) => task.status === 'OPEN');
  const firstOpen = open[0];
  // The nearest deadline among the works still to score (an extension may differ per school).
  const due = open
    .filter((task) => task.closesAt !== undefined)
    .sort((a, b) => Date.parse(a.closesAt!) - Date.parse(b.closesAt!))[0];
  const totalPages = Math.max(1, Math.ceil(total / SCORING_TASKS_PAGE_SIZE));

  return (
    <section className="scoring-tasks" data-testid="scoring-tasks">
      {notice && (
        <p className="alert alert--info" role="status">
          {notice}
        </p>
      )}
      {items.length === 0 ? (
        <div className="panel panel--hint">
          <p>
            Вам пока не назначено ни одной работы. Работы появятся, когда региональный координатор
            распределит их между экспертами — обновите страницу позже.
          </p>
        </div>
      ) : (
        <>
          {due && <ScoringDeadline closesAt={due.closesAt} timeZone={due.timeZone} now={now} />}
          <div className="scoring-tasks__summary">
            <p>
              {open.length > 0
                ? `На этой странице ${formatNumber(open.length)} ${plural(open.length, ['непроверенная работа', 'непроверенные работы', 'непроверенных работ'])}.`
                : 'Все работы на этой странице проверены.'}
            </p>
            {firstOpen && (
              <Link
                className="button scoring-big-button"
                to={paths.scoring.task.getHref(firstOpen.id)}
              >
                Проверять следующую работу
              </Link>
            )}
          </div>
          <div className="table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">Предмет</th>
                  <th scope="col">Комплект</th>
                  <th scope="col">Проверка</th>
                  <th scope="col">Состояние</th>
                  <th scope="col">Когда</th>
                  <th scope="col" className="table__num">
                    Баллы
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Действие</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((task) => (
                  <tr key={task.id} data-testid="scoring-task-row">
                    <td data-label="Предмет">{task.subjectName}</td>
                    <td className="table__code" data-label="Комплект">
                      {task.kitNumber}
                    </td>
                    <td data-label="Проверка">{roundLabel(task.round)}</td>
                    <td data-label="Состояние">
                      {task.status === 'OPEN' ? (
                        <span className="chip chip--new">Не проверена</span>
                      ) : (
                        <span className="chip chip--done">Проверена</span>
                      )}
                    </td>
                    <td className="scoring-tasks__when" data-label="Когда">
                      назначена {formatZonedDateTimeNamed(task.assignedAt, task.timeZone)}
                      {task.scoredAt && (
                        <>
                          <br />
                          проверена {formatZonedDateTimeNamed(task.scoredAt, task.timeZone)}
                        </>
                      )}
                    </td>
                    <td className="table__num" data-label="Баллы">
                      {task.total ?? '—'}
                    </td>
                    <td data-label="">
                      <Link
                        className={
                          task.status === 'OPEN'
                            ? 'button button--small'
                            : 'button--secondary button button--small'
                        }
                        to={paths.scoring.task.getHref(task.id)}
                        aria-label={`${task.status === 'OPEN' ? 'Проверить' : 'Открыть'}: ${task.subjectName}, комплект ${task.kitNumber}`}
                      >
                        {task.status === 'OPEN' ? 'Проверить' : 'Открыть'}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {totalPages > 1 && (
            <Pagination
              page={page}
              totalPages={totalPages}
              totalItems={total}
              onPageChange={setPage}
              label="Страницы списка работ"
            />
          )}
        </>
      )}
    </section>
  );
}
