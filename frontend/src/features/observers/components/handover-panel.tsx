import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Role } from '@/types/api';

import { useHandOver, useHandovers } from '../api/handovers';
import { localTime, deadlineTime } from '../utils/labels';

type Props = { campaignId: number; role: Role; regionCode: string };

/**
 * The archive of acts with violations on its way to РЦОКО (seed 003 11.2–11.3): the municipal or
 * responsible coordinator marks it passed by the roadmap's deadline; the region sees which units
 * passed, which did not and who is late.
 */
export function HandoverPanel({ campaignId, role, regionCode }: Props) {
  const passes = role === 'MUNICIPAL' || role === 'RESPONSIBLE';
  const board = useHandovers(campaignId, regionCode || '');
  const handOver = useHandOver(campaignId);
  if (role === 'ORGANIZATION') return null;
  return (
    <section aria-labelledby="handover-title" className="panel">
      <h3 id="handover-title">Передача архива актов с нарушениями в РЦОКО</h3>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <p data-testid="handover-deadline">
            {board.data.deadline
              ? `Срок — ${deadlineTime(board.data.deadline, board.data.timeZone)}; после него архив примут с отметкой «с опозданием».`
              : 'Срок в плане-графике кампании не задан.'}
          </p>
          {!passes && (
            <p role="status">
              Передали: <strong>{board.data.passed}</strong>; не передали:{' '}
              <strong className="observer-none">{board.data.notPassed}</strong>; с опозданием или
              просрочено: <strong className="observer-none">{board.data.late}</strong>
            </p>
          )}
          <ul className="observer-protocols">
            {board.data.items.map((u) => (
              <li key={u.unitName} className="observer-protocols__item">
                <span>{u.unitName}</span>
                {u.handedAt ? (
                  <span>
                    передано в РЦОКО {localTime(u.handedAt, u.timeZone)} ({u.handedBy}), актов с
                    нарушениями: {u.acts}
                    {u.late && <strong className="observer-none"> — с опозданием</strong>}
                  </span>
                ) : (
                  <strong className="observer-none">
                    {u.late ? 'не передано, срок прошёл' : 'не передано'}
                  </strong>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {passes && (
        <button
          type="button"
          className="button"
          disabled={handOver.isPending}
          onClick={() => handOver.mutate()}
        >
          Передано в РЦОКО
        </button>
      )}
      {handOver.isError && <ErrorMessage error={handOver.error} />}
    </section>
  );
}
