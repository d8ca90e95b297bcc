import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { CredentialHandout, CredentialHandoutPart, Me } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useDownloadHandout } from '../api/download-handout';
import { useDownloadHandoutPart } from '../api/download-handout-part';
import { useHandouts } from '../api/get-handouts';
import { usePassHandoutPart } from '../api/pass-handout-part';

/**
 * The hand-outs of the caller's scope, newest first: the region downloads each list once and
 * passes each municipality its part; a municipality (or the responsible coordinator) downloads
 * the part passed to it, once. Every time is the region's, its city named.
 */
export function HandoutsList({ account }: { account: Me }) {
  const [page, setPage] = useState(1);
  const handouts = useHandouts({ page: page - 1 });
  const receiver = account.role === 'MUNICIPAL' || account.role === 'RESPONSIBLE';

  return (
    <section className="panel" data-testid="handouts">
      <h2 className="panel__title">
        {receiver ? 'Логины, переданные регионом' : 'Выданные логины'}
      </h2>
      {handouts.isPending ? (
        <Loading label="Загрузка выдач…" />
      ) : handouts.isError ? (
        <ErrorMessage error={handouts.error} onRetry={() => void handouts.refetch()} />
      ) : handouts.data.items.length === 0 ? (
        <p className="table__muted" data-testid="handouts-empty">
          {receiver
            ? 'Регион ещё не передавал вам логины организаций.'
            : 'Логины ещё не выдавались.'}
        </p>
      ) : (
        <>
          <ul className="handouts">
            {handouts.data.items.map((handout) => (
              <HandoutItem key={handout.id} handout={handout} />
            ))}
          </ul>
          <Pagination
            page={page}
            totalPages={handouts.data.totalPages}
            totalItems={handouts.data.totalItems}
            onPageChange={setPage}
            label="Страницы выдач"
          />
        </>
      )}
    </section>
  );
}

function HandoutItem({ handout }: { handout: CredentialHandout }) {
  const download = useDownloadHandout();
  const at = (value: string) => formatZonedDateTimeNamed(value, handout.timeZone);
  return (
    <li className="handout" data-testid="handout">
      <p className="handout__title">
        <strong>{handout.scope}</strong>
      </p>
      <p className="field__hint">
        Логинов: {handout.accounts}; выдал {handout.issuedBy} {at(handout.issuedAt)}
      </p>
      {handout.downloadable ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={download.isPending}
            data-testid="handout-download"
            onClick={() =>
              download.mutate(handout.id, {
                onSuccess: (blob) => saveBlob(blob, `logins-${handout.id}.xlsx`),
              })
            }
          >
            Скачать список (один раз)
          </button>
        </div>
      ) : (
        handout.downloadedAt && (
          <p className="table__muted" data-testid="handout-downloaded">
            Список скачан: {handout.downloadedBy}, {at(handout.downloadedAt)}
          </p>
        )
      )}
      {download.isError && <ErrorMessage error={download.error} title="Список не скачан" />}
      {handout.parts.length > 0 && (
        <ul className="handout__parts" aria-label="По муниципалитетам">
          {handout.parts.map((part) => (
            <PartItem key={part.id} part={part} at={at} />
          ))}
        </ul>
      )}
    </li>
  );
}

function PartItem({ part, at }: { part: CredentialHandoutPart; at: (value: string) => string }) {
  const pass = usePassHandoutPart();
  const download = useDownloadHandoutPart();
  return (
    <li className="handout__part" data-testid="handout-part">
      <span>
        {part.municipalityName}: {part.accounts}
      </span>{' '}
      {part.passable && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={pass.isPending}
          onClick={() => pass.mutate(part.id)}
        >
          Передать муниципалитету
        </button>
      )}
      {part.downloadable && (
        <button
          type="button"
          className="button button--small"
          disabled={download.isPending}
          data-testid="handout-part-download"
          onClick={() =>
            download.mutate(part.id, {
              onSuccess: (blob) => saveBlob(blob, `logins-part-${part.id}.xlsx`),
            })
          }
        >
          Скачать логины (один раз)
        </button>
      )}
      {part.passedAt && (
        <span className="table__muted">
          {' '}
          Передано: {part.passedBy}, {at(part.passedAt)}
          {part.downloadedAt && `; скачано: ${part.downloadedBy}, ${at(part.downloadedAt)}`}
        </span>
      )}
      {pass.isError && <ErrorMessage error={pass.error} title="Не передано" />}
      {download.isError && <ErrorMessage error={download.error} title="Не скачано" />}
    </li>
  );
}
