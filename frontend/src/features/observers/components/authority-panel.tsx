import type { FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { saveBlob } from '@/utils/download';

import { downloadAuthorityRegister } from '../api/acts';
import { useAuthorityHandover, useHandOverToAuthority } from '../api/handovers';
import { deadlineTime, localTime } from '../utils/labels';

/**
 * Seed 000: the regional coordinator passes the observers' service notes on violations to the
 * region's education authority (ОИВ) as well as to the federal organizer — a hand-over of its own:
 * to which authority, by which letter, when, on time or late, with its register.
 */
export function AuthorityPanel({ campaignId }: { campaignId: number }) {
  const status = useAuthorityHandover(campaignId);
  const handOver = useHandOverToAuthority(campaignId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const reference = text('reference').trim();
    handOver.mutate({
      authority: text('authority'),
      ...(reference ? { reference } : {}),
    });
  };
  return (
    <section aria-labelledby="authority-title" className="panel">
      <h3 id="authority-title">Сведения о нарушениях — в ОИВ (орган управления образованием)</h3>
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <>
          <p data-testid="authority-status" role="status">
            {status.data.handedAt ? (
              <>
                Передано в «{status.data.authority}»
                {status.data.reference ? ` (${status.data.reference})` : ''}{' '}
                {localTime(status.data.handedAt, status.data.timeZone)}, {status.data.handedBy};
                актов с нарушениями: {status.data.acts}
                {status.data.late && <strong className="observer-none"> — с опозданием</strong>}
              </>
            ) : (
              <strong className="observer-none">
                {status.data.late ? 'В ОИВ не передано, срок прошёл' : 'В ОИВ не передано'}
              </strong>
            )}
          </p>
          <p className="field__hint">
            {status.data.deadline
              ? `Срок — ${deadlineTime(status.data.deadline, status.data.timeZone)}.`
              : 'Срок в плане-графике кампании не задан.'}{' '}
            Сейчас актов с нарушениями: {status.data.actsWithViolations}.
          </p>
          <form className="observer-inline-form" onSubmit={submit}>
            <div className="field">
              <label htmlFor="authority-name">Орган исполнительной власти</label>
              <input
                id="authority-name"
                name="authority"
                required
                maxLength={300}
                defaultValue={status.data.authority ?? ''}
                placeholder="Министерство образования области"
              />
            </div>
            <div className="field">
              <label htmlFor="authority-reference">Исх. номер и дата письма</label>
              <input
                id="authority-reference"
                name="reference"
                maxLength={100}
                defaultValue={status.data.reference ?? ''}
              />
            </div>
            <button type="submit" className="button" disabled={handOver.isPending}>
              Передано в ОИВ
            </button>
          </form>
        </>
      )}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void downloadAuthorityRegister(campaignId).then(({ blob, fileName }) =>
              saveBlob(blob, fileName),
            )
          }
        >
          Реестр для ОИВ (.xlsx)
        </button>
      </p>
      {handOver.isSuccess && <p role="status">Передача в ОИВ записана.</p>}
      {handOver.isError && <ErrorMessage error={handOver.error} />}
    </section>
  );
}
