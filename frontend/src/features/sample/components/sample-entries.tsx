import '../sample.css';

import { useId, useState, type ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { useDebouncedCallback } from '@/hooks/use-debounced-callback';
import type { SampleEntry } from '@/types/api';
import { formatDateIn, formatNumber } from '@/utils/format';
import { parsePage } from '@/utils/paging';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';

import { useSampleEntries } from '../api/get-sample-entries';
import { useSelectSampleEntries } from '../api/select-sample-entries';
import { isSampleStatus, sampleStatusLabels, sampleStatuses } from '../utils/labels';

const SEARCH_DELAY_MS = 300;

type SampleEntriesProps = {
  campaignId: number;
  timeZone: string;
  title: string;
  /** The campaign's regions, to filter by (the federal organizer). */
  regionCodes?: string[];
  /** «Включить» / «Исключить» (the federal organizer). */
  canSelect?: boolean;
  /** More buttons for a row (the inventory download). */
  renderActions?: (entry: SampleEntry) => ReactNode;
};

/** The organizations of the preliminary list and the sample; filters and page live in the URL. */
export function SampleEntries({
  campaignId,
  timeZone,
  title,
  regionCodes,
  canSelect = false,
  renderActions,
}: SampleEntriesProps) {
  const [searchParams, update] = useSearchParamUpdates();
  const regionParam = searchParams.get('region') ?? '';
  const regionCode = regionCodes?.includes(regionParam) ? regionParam : undefined;
  const statusParam = searchParams.get('status');
  const status = isSampleStatus(statusParam) ? statusParam : undefined;
  const q = searchParams.get('q') ?? '';
  const page = parsePage(searchParams.get('page'));
  const entries = useSampleEntries({
    filter: { campaignId, regionCode, status, q: q.trim().slice(0, 100), page: page - 1 },
  });
  const select = useSelectSampleEntries();

  const [text, setText] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  if (q !== syncedQ) {
    setSyncedQ(q);
    setText(q);
  }
  const commitSearch = useDebouncedCallback(
    (value: string) => update({ q: value, page: null }, true),
    SEARCH_DELAY_MS,
  );
  const id = useId();
  const hasActions = canSelect || renderActions !== undefined;

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="sample-entries">
      <h2 id={`${id}-title`} className="panel__title">
        {title}
      </h2>
      <div className="filters" role="search">
        <div className="field field--grow">
          <label htmlFor={`${id}-q`}>Поиск по названию или логину</label>
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            value={text}
            maxLength={100}
            autoComplete="off"
            placeholder="Например, школа № 3 или edu640001"
            onChange={(event) => {
              setText(event.target.value);
              commitSearch(event.target.value);
            }}
          />
        </div>
        {regionCodes && (
          <div className="field">
            <label htmlFor={`${id}-region`}>Регион</label>
            <select
              id={`${id}-region`}
              className="input"
              value={regionCode ?? ''}
              onChange={(event) => update({ region: event.target.value || null, page: null })}
            >
              <option value="">Все регионы</option>
              {regionCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-status`}>Статус</label>
          <select
            id={`${id}-status`}
            className="input"
            value={status ?? ''}
            onChange={(event) => update({ status: event.target.value || null, page: null })}
          >
            <option value="">Все</option>
            {sampleStatuses.map((value) => (
              <option key={value} value={value}>
                {sampleStatusLabels[value]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {select.isError && <ErrorMessage error={select.error} title="Выборка не изменена" />}
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <ErrorMessage error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <>
          <div className="table-wrap" aria-busy={entries.isPlaceholderData || select.isPending}>
            <table className="table table--stack" data-testid="sample-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Логин</th>
                  <th scope="col">Организация</th>
                  <th scope="col">Участников</th>
                  <th scope="col">Статус</th>
                  <th scope="col">Выверка</th>
                  {hasActions && (
                    <th scope="col">
                      <span className="visually-hidden">Действия</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {entries.data.items.length === 0 && (
                  <tr>
                    <td colSpan={hasActions ? 6 : 5} className="table__empty">
                      Организации не найдены
                    </td>
                  </tr>
                )}
                {entries.data.items.map((entry) => (
                  <tr key={entry.organization.id} data-testid="sample-row">
                    <td data-label="Логин" className="table__code">
                      {entry.organization.login}
                    </td>
                    <td data-label="Организация">
                      <div>
                        {entry.organization.name}
                        {entry.organization.municipalityName && (
                          <span className="table__muted cell-note">
                            {entry.organization.municipalityName}
                          </span>
                        )}
                      </div>
                    </td>
                    <td data-label="Участников" className="table__num">
                      {formatNumber(entry.attributes.participants)}
                    </td>
                    <td data-label="Статус">
                      <div>
                        <span className={`chip chip--${entry.status.toLowerCase()}`}>
                          {sampleStatusLabels[entry.status]}
                        </span>
                        {!entry.published && entry.status === 'SELECTED' && (
                          <span className="table__muted cell-note">не опубликована</span>
                        )}
                      </div>
                    </td>
                    <td data-label="Выверка">
                      {entry.verifiedAt ? (
                        `Выверена ${formatDateIn(entry.verifiedAt, timeZone)}`
                      ) : (
                        <span className="table__muted">Не выверена</span>
                      )}
                    </td>
                    {hasActions && (
                      <td data-label="">
                        <div className="row-actions">
                          {canSelect &&
                            (entry.status === 'SELECTED' ? (
                              <button
                                type="button"
                                className="button button--secondary button--small"
                                disabled={select.isPending}
                                aria-label={`Исключить ${entry.organization.login}`}
                                onClick={() =>
                                  select.mutate({ campaignId, exclude: [entry.organization.id] })
                                }
                              >
                                Исключить
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button button--small"
                                disabled={select.isPending}
                                aria-label={`Включить ${entry.organization.login}`}
                                onClick={() =>
                                  select.mutate({ campaignId, include: [entry.organization.id] })
                                }
                              >
                                Включить
                              </button>
                            ))}
                          {renderActions?.(entry)}
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {entries.data.totalItems > 0 && (
            <Pagination
              label="Страницы списка организаций"
              page={page}
              totalPages={entries.data.totalPages}
              totalItems={entries.data.totalItems}
              onPageChange={(next) => update({ page: next > 1 ? String(next) : null })}
            />
          )}
        </>
      )}
    </section>
  );
}
