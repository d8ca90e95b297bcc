import type { FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { saveBlob } from '@/utils/download';

import { downloadAuthorityRegister } from '../api/acts';
import { useAuthorityHandover, useHandOverToAuthority } from '../api/handovers';
import { deadlineTime, localTime } from '../utils/labels';

type Handover = NonNullable<ReturnType<typeof useAuthorityHandover>['data']>;

/**
 * A letter to the authority in the coordinator's own mail program (OKO sends no mail): the subject
 * and the summary filled in; the register is attached by hand.
 */
const letterTo = (h: Handover) => {
  const subject = `Сведения о нарушениях процедуры оценки качества образования — ${h.regionName}`;
  const body = [
    'Направляем сведения о нарушениях, выявленных общественными и независимыми наблюдателями',
    `(служебные записки и акты наблюдателей): актов с нарушениями — ${h.acts ?? h.actsWithViolations}` +
      (h.points != null ? `, пунктов — ${h.points}` : '') +
      (h.municipalities != null ? `, муниципалитетов — ${h.municipalities}` : '') +
      '.',
    h.reference ? `Письмо ${h.reference}.` : '',
    'Реестр актов (.xlsx) — во вложении.',
  ]
    .filter(Boolean)
    .join('\n');
  return `mailto:${h.email ?? ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
};

/**
 * Seed 000: the regional coordinator passes the observers' service notes on violations to the
 * region's education authority (ОИВ) as well as to the federal organizer — a hand-over of its own:
 * to which authority, by which letter, when, on time or late, with its register. The authority has
 * no account here: the last one the region named (and its e-mail) fills the form, and a letter to
 * that address opens in the coordinator's mail program.
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
    const email = text('email').trim();
    handOver.mutate({
      authority: text('authority'),
      ...(reference ? { reference } : {}),
      ...(email ? { email } : {}),
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
                {status.data.email ? `; адрес: ${status.data.email}` : ''}
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
                defaultValue={status.data.authority ?? status.data.knownAuthority ?? ''}
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
            <div className="field">
              <label htmlFor="authority-email">Электронная почта ОИВ</label>
              <input
                id="authority-email"
                name="email"
                type="email"
                maxLength={200}
                defaultValue={status.data.email ?? status.data.knownEmail ?? ''}
                placeholder="minobr@region.gov.ru"
              />
            </div>
            <button type="submit" className="button" disabled={handOver.isPending}>
              Передано в ОИВ
            </button>
          </form>
          {status.data.handedAt && status.data.email && (
            <p>
              <a
                className="button button--secondary"
                data-testid="authority-letter"
                href={letterTo(status.data)}
              >
                Письмо в ОИВ ({status.data.email})
              </a>{' '}
              <span className="field__hint">
                OKO почту не отправляет: письмо откроется в вашей почтовой программе, приложите к
                нему реестр для ОИВ.
              </span>
            </p>
          )}
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
