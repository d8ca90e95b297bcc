import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { useDebouncedCallback } from '@/hooks/use-debounced-callback';
import type { OrganizationKind } from '@/types/api';
import { parsePage } from '@/utils/paging';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';

import { useOrganizations } from '../api/get-organizations';
import { isOrganizationKind, kindLabels, organizationKinds } from '../utils/labels';
import { OrganizationsTable } from './organizations-table';

const SEARCH_DELAY_MS = 300;

type OrganizationsBrowserProps = {
  regionCode: string;
  /** A municipality's id, or `null` for the organizations that belong to none. */
  municipalityId: number | null;
  title: string;
};

/** A paged, searchable list of one tree node's organizations; its state lives in the URL. */
export function OrganizationsBrowser({
  regionCode,
  municipalityId,
  title,
}: OrganizationsBrowserProps) {
  const [searchParams, update] = useSearchParamUpdates();
  const q = searchParams.get('q') ?? '';
  const kindParam = searchParams.get('kind');
  const kind = isOrganizationKind(kindParam) ? kindParam : undefined;
  const page = parsePage(searchParams.get('page'));

  const organizations = useOrganizations({
    filter: { regionCode, municipalityId, kind, q: q.trim().slice(0, 100), page: page - 1 },
  });

  // The box answers every keystroke; the URL (and so the request) follows once typing pauses.
  // Typing replaces the history entry rather than adding one per pause.
  const [text, setText] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  if (q !== syncedQ) {
    // The URL changed under us (back button, a link): show what it says.
    setSyncedQ(q);
    setText(q);
  }
  const commitSearch = useDebouncedCallback(
    (value: string) => update({ q: value, page: null }, true),
    SEARCH_DELAY_MS,
  );

  const searchId = useId();
  const kindId = useId();

  return (
    <section className="panel" aria-labelledby={`${searchId}-title`} data-testid="organizations">
      <h2 id={`${searchId}-title`} className="panel__title">
        {title}
      </h2>
      <div className="filters" role="search">
        <div className="field field--grow">
          <label htmlFor={searchId}>Поиск по названию или логину</label>
          <input
            id={searchId}
            type="search"
            className="input"
            value={text}
            maxLength={100}
            autoComplete="off"
            placeholder="Например, школа № 3 или edu640001"
            aria-describedby={`${searchId}-hint`}
            data-testid="organization-search"
            onChange={(event) => {
              setText(event.target.value);
              commitSearch(event.target.value);
            }}
          />
          <small id={`${searchId}-hint`} className="field__hint">
            Логин — целиком или его начало, название — любая его часть
          </small>
        </div>
        <div className="field">
          <label htmlFor={kindId}>Тип организации</label>
          <select
            id={kindId}
            className="input"
            value={kind ?? ''}
            data-testid="organization-kind"
            onChange={(event) => update({ kind: event.target.value || null, page: null })}
          >
            <option value="">Все типы</option>
            {organizationKinds.map((value: OrganizationKind) => (
              <option key={value} value={value}>
                {kindLabels[value]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {organizations.isPending ? (
        <Loading />
      ) : organizations.isError ? (
        <ErrorMessage error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <>
          <OrganizationsTable
            organizations={organizations.data.items}
            busy={organizations.isPlaceholderData}
          />
          {organizations.data.totalItems > 0 && (
            <Pagination
              label="Страницы списка организаций"
              page={page}
              totalPages={organizations.data.totalPages}
              totalItems={organizations.data.totalItems}
              onPageChange={(next) => update({ page: next > 1 ? String(next) : null })}
            />
          )}
        </>
      )}
    </section>
  );
}
