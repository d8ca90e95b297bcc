import '../staff.css';

import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { StaffCoverageRow, StaffDuty, StaffMember } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { useStaffCoverage } from '../api/get-staff-coverage';
import { missingLabel } from './staff-labels';

type Props = { campaignId: number; regionCode?: string };

/** Who is appointed in each organization of the sample; the rows where someone is missing stand out. */
export function StaffCoverage({ campaignId, regionCode }: Props) {
  const [page, setPage] = useState(1);
  const [missingOnly, setMissingOnly] = useState(false);
  const coverage = useStaffCoverage(campaignId, { regionCode, missingOnly, page: page - 1 });
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
      <label className="checkbox">
        <input
          type="checkbox"
          checked={missingOnly}
          data-testid="staff-missing-only"
          onChange={(event) => {
            setMissingOnly(event.target.checked);
            setPage(1);
          }}
        />{' '}
        Только организации, где кого-то не хватает
      </label>
      <div className="table-wrap" aria-busy={coverage.isPlaceholderData}>
        <table className="table table--stack" data-testid="staff-table">
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
                  {missingOnly
                    ? 'Во всех организациях назначены все.'
                    : 'В опубликованной выборке пока нет организаций.'}
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

function CoverageRow({ row }: { row: StaffCoverageRow }) {
  const of = (duty: StaffDuty) => row.members.filter((m) => m.duty === duty);
  return (
    <tr data-testid="staff-row">
      <td data-label="Организация">
        {row.organizationName} <span className="table__muted">({row.organizationLogin})</span>
      </td>
      <td data-label="Муниципалитет">{row.municipalityName ?? 'Без муниципалитета'}</td>
      <td data-label="Ответственный организатор">
        <People people={of('RESPONSIBLE_ORGANIZER')} contacts />
      </td>
      <td data-label="Организаторы в аудитории">
        <People people={of('CLASSROOM_ORGANIZER')} />
      </td>
      <td data-label="Технические специалисты">
        <People people={of('TECHNICAL_SPECIALIST')} />
      </td>
      <td data-label="Не хватает" data-testid="staff-missing">
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
