import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Role } from '@/types/api';

import { useHandOver, useHandovers } from '../api/handovers';
import { localTime } from '../utils/labels';

type Props = { campaignId: number; role: Role; regionCode: string };

/**
 * The archive of acts with violations on its way to РЦОКО: the municipal or responsible
 * coordinator marks it passed; the region sees which units passed and which did not.
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
          {!passes && (
            <p role="status">
              Передали: <strong>{board.data.passed}</strong>; не передали:{' '}
              <strong className="observer-none">{board.data.notPassed}</strong>
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
                  </span>
                ) : (
                  <strong className="observer-none">не передано</strong>
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
