import { useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { saveBlob } from '@/utils/download';

import { downloadReferralList } from '../api/acts';
import { useAssignObserver, usePresenceBoard } from '../api/assignments';
import { useLivePresence } from '../api/live-presence';
import { useObservers } from '../api/list-observers';
import { activityLabel, kindLabel, localTime, todayIn } from '../utils/labels';

type Props = { campaignId: number; timeZone: string };

/**
 * The assignment board and live presence of one day: every point of the scope, those with no
 * observer first (marked), the observers expected and present, updated live as observers mark
 * presence; an accepted observer is assigned to a point from here.
 */
export function BoardPanel({ campaignId, timeZone }: Props) {
  const [day, setDay] = useState(() => todayIn(timeZone));
  const [page, setPage] = useState(1);
  const board = usePresenceBoard(campaignId, day, page - 1);
  useLivePresence(campaignId);
  const observers = useObservers(campaignId);
  const assign = useAssignObserver(campaignId);
  const accepted = observers.data?.items.filter((o) => o.status === 'ACCEPTED') ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    assign.mutate({
      campaignId,
      input: {
        observerId: Number(form.get('observerId')),
        organizationId: Number(form.get('organizationId')),
        day,
        activity: form.get('activity') === 'CHECKING' ? 'CHECKING' : 'CONDUCT',
      },
    });
  };

  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">Назначения и присутствие</h2>
      <div className="observer-inline-form">
        <div className="field">
          <label htmlFor="board-day">День</label>
          <input
            id="board-day"
            type="date"
            value={day}
            onChange={(e) => {
              setDay(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void downloadReferralList(campaignId).then(({ blob, fileName }) =>
              saveBlob(blob, fileName),
            )
          }
        >
          Направления (.xlsx)
        </button>
      </div>
      {board.isPending ? (
        <Loading label="Загружаем пункты…" />
      ) : board.isError ? (
        <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <div className="observer-totals" aria-live="polite">
            <div>
              <strong>{board.data.totals.points}</strong> пунктов
            </div>
            <div className="observer-none">
              <strong>{board.data.totals.pointsWithoutObservers}</strong> без наблюдателей
            </div>
            <div>
              <strong>{board.data.totals.expected}</strong> ожидается
            </div>
            <div>
              <strong>{board.data.totals.present}</strong> на месте
            </div>
          </div>
          <form className="observer-inline-form panel" onSubmit={submit}>
            <div className="field">
              <label htmlFor="assign-observer">Наблюдатель</label>
              <select id="assign-observer" name="observerId" required>
                {accepted.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.fullName} ({kindLabel(o.kind)})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="assign-point">Пункт</label>
              <select id="assign-point" name="organizationId" required>
                {board.data.items.map((p) => (
                  <option key={p.point.id} value={p.point.id}>
                    {p.point.login} — {p.point.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="assign-activity">Что наблюдает</label>
              <select id="assign-activity" name="activity">
                <option value="CONDUCT">проведение</option>
                <option value="CHECKING">проверку работ</option>
              </select>
            </div>
            <button
              type="submit"
              className="button"
              disabled={assign.isPending || !accepted.length}
            >
              Назначить на {day.split('-').reverse().join('.')}
            </button>
          </form>
          {assign.isError && <ErrorMessage title="Не назначен" error={assign.error} />}
          <div className="table-wrap">
            <table className="table table--stack observer-table">
              <thead>
                <tr>
                  <th>Пункт</th>
                  <th>Муниципалитет</th>
                  <th>Ожидается / на месте</th>
                  <th>Наблюдатели (время региона)</th>
                </tr>
              </thead>
              <tbody>
                {board.data.items.map((p) => (
                  <tr key={p.point.id} className={p.expected === 0 ? 'observer-row--none' : ''}>
                    <td data-label="Пункт">
                      {p.point.name}
                      <div className="table__muted">{p.point.login}</div>
                    </td>
                    <td data-label="Муниципалитет">{p.point.municipalityName ?? '—'}</td>
                    <td data-label="Ожидается / на месте">
                      {p.expected === 0 ? (
                        <span className="observer-none">нет наблюдателей</span>
                      ) : (
                        `${p.expected} / ${p.present}`
                      )}
                    </td>
                    <td data-label="Наблюдатели">
                      {p.observers.map((o) => (
                        <div key={o.assignmentId}>
                          {o.observerName} · {kindLabel(o.observerKind)} ·{' '}
                          {activityLabel(o.activity)} ·{' '}
                          {o.presentAt
                            ? `на месте с ${localTime(o.presentAt, board.data.timeZone)}`
                            : 'не отметился'}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {board.data.total > board.data.size && (
            <Pagination
              page={page}
              totalPages={Math.ceil(board.data.total / board.data.size)}
              totalItems={board.data.total}
              onPageChange={setPage}
              label="Страницы пунктов"
            />
          )}
        </>
      )}
    </section>
  );
}
