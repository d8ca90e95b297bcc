import '../staff.css';

import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { StaffCoverageRow, StaffDuty, StaffMember } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { useStaffCoverage } from '../api/get-staff-coverage';
import { missingLabel } from './staff-labels';

type Props = { campaignId: number; regionCode?: string };

/** Organizations a page: 20 cards on a phone, not the whole sample (issue 21). */
export const STAFF_PAGE_SIZE = 20;

/**
 * Who is appointed in each organization of the sample. It opens on the organizations where someone
 * is missing — what a coordinator has to chase — with «Все организации» a click away, a page of
 * {@link STAFF_PAGE_SIZE} at a time (issue 21: the whole sample as cards was 28 600 px on a phone).
 */
export function StaffCoverage({ campaignId, regionCode }: Props) {
  const [page, setPage] = useState(1);
  const [missingOnly, setMissingOnly] = useState(true);
  const coverage = useStaffCoverage(campaignId, {
    regionCode,
    missingOnly,
    page: page - 1,
    size: STAFF_PAGE_SIZE,
  });
  const filterName = useId();
  const show = (missing: boolean) => {
    setMissingOnly(missing);
    setPage(1);
  };
  if (coverage.isPending) return <Loading label="Загружаем списки работников…" />;
  if (coverage.isError) {
    return <ErrorMessage error={coverage.error} onRetry={() => void coverage.refetch()} />;
  }
  const { items, summary, totalItems, totalPages } = coverage.data;
  return (
    <section className="panel" aria-labelledby="staff-coverage-title">
      <h2 id="staff-coverage-title" className="panel__title">
        Кто назначен в организациях выборки
      </h2>
      <p data-testid="staff-summary">
        Организаций в выборке: {formatNumber(summary.organizations)}. Без ответственного
        организатора: <strong>{formatNumber(summary.withoutResponsible)}</strong>, без организаторов
        в аудитории: {formatNumber(summary.withoutClassroom)}, без технического специалиста:{' '}
        {formatNumber(summary.withoutTechnical)}.
      </p>
      <fieldset className="checkboxes staff-filter">
        <legend>Показать</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={filterName}
            checked={missingOnly}
            data-testid="staff-missing-only"
            onChange={() => show(true)}
          />
          Где кого-то не хватает
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={filterName}
            checked={!missingOnly}
            data-testid="staff-show-all"
            onChange={() => show(false)}
          />
          Все организации ({formatNumber(summary.organizations)})
        </label>
      </fieldset>
      <p className="table__muted" data-testid="staff-shown" aria-live="polite">
        {missingOnly
          ? `Организаций, где кого-то не хватает: ${formatNumber(totalItems)}`
          : `Все организации выборки: ${formatNumber(totalItems)}`}
        {totalPages > 1 &&
          ` — по ${formatNumber(STAFF_PAGE_SIZE)} на странице, страница ${formatNumber(page)} из ${formatNumber(totalPages)}`}
        .
      </p>
      <div className="table-wrap" aria-busy={coverage.isPlaceholderData}>
        <table className="table table--stack staff-table" data-testid="staff-table">
          <caption className="visually-hidden">Работники по организациям</caption>
          <thead>
            <tr>
              <th scope="col">Организация</th>
              <th scope="col">Муниципалитет</th>
              <th scope="col">Ответственный организатор</th>
              <th scope="col">Организаторы в аудитории</th>
              <th scope="col">Технические специалисты</th>
              <th scope="col">Не хватает</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={6} className="table__empty">
                  {missingOnly ? (
                    <>
                      Во всех организациях назначены все.{' '}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => show(false)}
                      >
                        Показать все организации
                      </button>
                    </>
                  ) : (
                    'В опубликованной выборке пока нет организаций.'
                  )}
                </td>
              </tr>
            )}
            {items.map((row) => (
              <CoverageRow key={row.organizationId} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {totalPages > 1 && (
        <Pagination
          page={page}
          totalPages={totalPages}
          totalItems={totalItems}
          onPageChange={setPage}
          label="Страницы списка организаций"
        />
      )}
    </section>
  );
}

/**
 * One organization; on a phone a compact card: its name, its municipality, who is missing, and only
 * the duties someone holds (an empty duty is already said by «Не хватает»).
 */
function CoverageRow({ row }: { row: StaffCoverageRow }) {
  const of = (duty: StaffDuty) => row.members.filter((m) => m.duty === duty);
  const cell = (duty: StaffDuty) => (of(duty).length === 0 ? 'staff-table__nobody' : undefined);
  return (
    <tr data-testid="staff-row">
      <td data-label="Организация" className="staff-table__name">
        {row.organizationName} <span className="table__muted">({row.organizationLogin})</span>
      </td>
      <td data-label="Муниципалитет" className="staff-table__municipality">
        {row.municipalityName ?? 'Без муниципалитета'}
      </td>
      <td data-label="Ответственный организатор" className={cell('RESPONSIBLE_ORGANIZER')}>
        <People people={of('RESPONSIBLE_ORGANIZER')} contacts />
      </td>
      <td data-label="Организаторы в аудитории" className={cell('CLASSROOM_ORGANIZER')}>
        <People people={of('CLASSROOM_ORGANIZER')} />
      </td>
      <td data-label="Технические специалисты" className={cell('TECHNICAL_SPECIALIST')}>
        <People people={of('TECHNICAL_SPECIALIST')} />
      </td>
      <td data-label="Не хватает" data-testid="staff-missing" className="staff-table__missing">
        {row.missing.length === 0 ? (
          '—'
        ) : (
          <strong>нет {row.missing.map((d) => missingLabel[d]).join(', ')}</strong>
        )}
      </td>
    </tr>
  );
}

function People({ people, contacts }: { people: StaffMember[]; contacts?: boolean }) {
  if (people.length === 0) return <span className="table__muted">не назначен</span>;
  return (
    <ul className="staff-people">
      {people.map((p, i) => (
        <li key={`${p.fullName}-${i}`}>
          {p.fullName}
          {contacts && (p.phone || p.email) && (
            <span className="table__muted"> · {[p.phone, p.email].filter(Boolean).join(', ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
