import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useCompareFormVersions, type VersionPair } from '../api/compare-form-versions';
import { useFormVersions } from '../api/get-form-versions';
import type { Respondent } from '../types';
import type { FormChange, FormDefinition } from '@/types/api';

type VersionsPanelProps = {
  definition: FormDefinition;
  respondent: Respondent;
  timeZone?: string;
};

/** «Версии»: every submitted version, and what changed between two of them (or since one). */
export function VersionsPanel({
  definition,
  respondent,
  timeZone = 'Europe/Moscow',
}: VersionsPanelProps) {
  const versions = useFormVersions({ formId: definition.id, respondent });
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number | 'current'>();
  const [pair, setPair] = useState<VersionPair>();

  const items = versions.data ?? [];
  const fromValue = from ?? items[1]?.number ?? items[0]?.number;
  const toValue = to ?? (items.length > 1 ? items[0]?.number : 'current');

  return (
    <section className="panel form-stack" aria-labelledby="versions-title">
      <h2 id="versions-title" className="panel__title">
        Версии
      </h2>
      {versions.isPending ? (
        <Loading label="Загрузка версий…" />
      ) : versions.isError ? (
        <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <p className="field__hint">Сданных версий пока нет.</p>
      ) : (
        <>
          <ul className="versions-list" data-testid="versions">
            {items.map((version) => (
              <li key={version.number}>
                <strong>Версия {version.number}</strong> — сдана{' '}
                {formatZonedDateTimeNamed(version.submittedAt, timeZone)}, {version.submittedBy},
                строк: {version.rows}
              </li>
            ))}
          </ul>
          <form
            className="filters"
            onSubmit={(event) => {
              event.preventDefault();
              if (fromValue === undefined) return;
              setPair({ from: fromValue, to: toValue === 'current' ? undefined : toValue });
            }}
          >
            <div className="field">
              <label htmlFor="compare-from">Сравнить версию</label>
              <select
                id="compare-from"
                className="input"
                value={fromValue}
                onChange={(event) => setFrom(Number(event.target.value))}
              >
                {items.map((version) => (
                  <option key={version.number} value={version.number}>
                    Версия {version.number}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">с</label>
              <select
                id="compare-to"
                className="input"
                value={toValue}
                onChange={(event) =>
                  setTo(event.target.value === 'current' ? 'current' : Number(event.target.value))
                }
              >
                <option value="current">текущим содержимым</option>
                {items.map((version) => (
                  <option key={version.number} value={version.number}>
                    версией {version.number}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              Сравнить
            </button>
          </form>
          {pair && <Comparison definition={definition} respondent={respondent} pair={pair} />}
        </>
      )}
    </section>
  );
}

function Comparison({
  definition,
  respondent,
  pair,
}: {
  definition: FormDefinition;
  respondent: Respondent;
  pair: VersionPair;
}) {
  const comparison = useCompareFormVersions({ formId: definition.id, respondent, pair });
  if (comparison.isPending) return <Loading label="Сравниваем…" />;
  if (comparison.isError) return <ErrorMessage error={comparison.error} />;
  const { changes } = comparison.data;
  const sheetTitle = (key: string) =>
    definition.sheets.find((sheet) => sheet.key === key)?.title ?? key;
  const columnTitle = (sheetKey: string, key: string | undefined) =>
    key === undefined
      ? '—'
      : (definition.sheets
          .find((sheet) => sheet.key === sheetKey)
          ?.columns.find((column) => column.key === key)?.title ?? key);
  const what = (change: FormChange) =>
    change.kind === 'ADDED'
      ? 'Строка добавлена'
      : change.kind === 'REMOVED'
        ? 'Строка удалена'
        : columnTitle(change.sheet, change.column);
  return (
    <div className="form-stack" data-testid="comparison">
      <p>
        Версия {pair.from} и {pair.to === undefined ? 'текущее содержимое' : `версия ${pair.to}`}:{' '}
        {changes.length === 0 ? 'различий нет.' : `изменений — ${changes.length}.`}
      </p>
      {changes.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Изменения</caption>
            <thead>
              <tr>
                <th scope="col">Лист</th>
                <th scope="col">Строка</th>
                <th scope="col">Столбец</th>
                <th scope="col">Было</th>
                <th scope="col">Стало</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, index) => (
                <tr key={index} data-testid="change-row">
                  <td data-label="Лист">{sheetTitle(change.sheet)}</td>
                  <td data-label="Строка">{change.row}</td>
                  <td data-label="Столбец">{what(change)}</td>
                  <td data-label="Было" className="diff-before">
                    {change.before ?? '—'}
                  </td>
                  <td data-label="Стало" className="diff-after">
                    {change.after ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
