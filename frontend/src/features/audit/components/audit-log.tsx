import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { Me } from '@/types/api';
import { parsePage } from '@/utils/paging';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';

import { useAuditEvents } from '../api/get-audit-events';
import { AuditTable } from './audit-table';

const REGION_CODE = /^[0-9]{2}$/;

/**
 * The audit log, newest first, a page at a time; the page and the region filter live in the URL.
 * The federal organizer may narrow it to one region; a regional coordinator sees its own anyway.
 */
export function AuditLog({ account }: { account: Me }) {
  const federal = account.role === 'FEDERAL';
  const [searchParams, update] = useSearchParamUpdates();
  const regionParam = searchParams.get('region') ?? '';
  const regionCode = federal && REGION_CODE.test(regionParam) ? regionParam : undefined;
  const page = parsePage(searchParams.get('page'));

  const events = useAuditEvents({ filter: { regionCode, page: page - 1 } });

  // The box shows what is typed; the URL (and so the request) follows a whole code or nothing.
  const [text, setText] = useState(regionCode ?? '');
  const [synced, setSynced] = useState(regionCode);
  if (regionCode !== synced) {
    setSynced(regionCode);
    setText(regionCode ?? '');
  }

  const regionId = useId();

  return (
    <section className="panel" data-testid="audit">
      {federal && (
        <div className="filters" role="search">
          <div className="field">
            <label htmlFor={regionId}>Код региона</label>
            <input
              id={regionId}
              className="input input--code"
              inputMode="numeric"
              maxLength={2}
              autoComplete="off"
              placeholder="Все"
              value={text}
              aria-describedby={`${regionId}-hint`}
              data-testid="audit-region"
              onChange={(event) => {
                const value = event.target.value.replace(/\D/g, '').slice(0, 2);
                setText(value);
                if (value === '' || REGION_CODE.test(value)) {
                  update({ region: value || null, page: null }, true);
                }
              }}
            />
            <small id={`${regionId}-hint`} className="field__hint">
              Две цифры, например 64; пусто — все регионы
            </small>
          </div>
        </div>
      )}

      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          <AuditTable
            events={events.data.items}
            busy={events.isPlaceholderData}
            timeZone="Europe/Moscow"
          />
          {events.data.totalItems > 0 && (
            <Pagination
              label="Страницы журнала аудита"
              page={page}
              totalPages={events.data.totalPages}
              totalItems={events.data.totalItems}
              onPageChange={(next) => update({ page: next > 1 ? String(next) : null })}
            />
          )}
        </>
      )}
    </section>
  );
}
