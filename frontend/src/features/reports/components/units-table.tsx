import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { Me } from '@/types/api';
import type { components } from '@/types/api.gen';

import type { ReportUnitQuery } from '../api/get-subject-report';
import {
  REPORT_UNITS_PAGE_SIZE,
  type ReportUnitSort,
  useReportUnits,
} from '../api/list-report-units';
import { FLAG_TITLES } from '../utils/flags';
import { FlagsPanel } from './flags-panel';

type ReportUnit = components['schemas']['ReportUnit'];

const COLUMNS: { sort: ReportUnitSort; title: string }[] = [
  { sort: 'NAME', title: 'Единица' },
  { sort: 'PARTICIPANTS', title: 'Участников' },
  { sort: 'SHARE_2', title: '«2», %' },
  { sort: 'SHARE_45', title: '«4» и «5», %' },
  { sort: 'MEAN_SCORE', title: 'Средний балл' },
  { sort: 'FLAGS', title: 'Признаки необъективности' },
];

/** Report 6: the units below, sortable and filterable, with drill-down and the flags. */
export function UnitsTable({
  account,
  campaignId,
  subjectKey,
  parent,
  onOpenUnit,
}: {
  account: Me;
  campaignId: number;
  subjectKey: string;
  parent: ReportUnit;
  onOpenUnit: (unit: ReportUnitQuery) => void;
}) {
  const [sort, setSort] = useState<ReportUnitSort>('NAME');
  const [descending, setDescending] = useState(false);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [flagsOf, setFlagsOf] = useState<ReportUnit | null>(null);
  const units = useReportUnits({
    campaignId,
    subjectKey,
    regionCode: parent.level === 'REGION' ? parent.id : undefined,
    municipalityId: parent.level === 'MUNICIPALITY' ? Number(parent.id) : undefined,
    sort,
    descending,
    flaggedOnly,
    q,
    page: page - 1,
  });
  const readsFlags = account.role !== 'API_CLIENT';

  const open = (unit: ReportUnit) => {
    if (unit.level === 'ORGANIZATION') onOpenUnit({ organizationId: Number(unit.id) });
    else if (unit.level === 'MUNICIPALITY') onOpenUnit({ municipalityId: Number(unit.id) });
    else if (unit.level === 'REGION') onOpenUnit({ regionCode: unit.id });
  };

  return (
    <section className="report__section" aria-labelledby="units-title">
      <h3 id="units-title">6. Результаты единиц: {parent.name}</h3>
      <div className="filters no-print">
        <div className="field field--grow">
          <label htmlFor="units-q">Поиск по названию или логину</label>
          <input
            id="units-q"
            className="input"
            value={q}
            onChange={(event) => {
              setQ(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <label className="report__check">
          <input
            type="checkbox"
            checked={flaggedOnly}
            data-testid="flagged-only"
            onChange={(event) => {
              setFlaggedOnly(event.target.checked);
              setPage(1);
            }}
          />{' '}
          Только с признаками необъективности
        </label>
      </div>
      {units.isPending ? (
        <Loading label="Загружаем таблицу…" />
      ) : units.isError ? (
        <ErrorMessage error={units.error} onRetry={() => void units.refetch()} />
      ) : units.data.items.length === 0 ? (
        <p className="panel panel--hint">Результатов в этой выборке нет.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="units-table">
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <th
                      key={column.sort}
                      scope="col"
                      aria-sort={
                        sort === column.sort ? (descending ? 'descending' : 'ascending') : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="table__sort"
                        onClick={() => {
                          setDescending(
                            sort === column.sort ? !descending : column.sort !== 'NAME',
                          );
                          setSort(column.sort);
                          setPage(1);
                        }}
                      >
                        {column.title}
                        {sort === column.sort ? (descending ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {units.data.items.map((row) => (
                  <tr key={`${row.unit.level}-${row.unit.id}`} data-testid="unit-row">
                    <td>
                      <button type="button" className="link-button" onClick={() => open(row.unit)}>
                        {row.unit.name}
                      </button>
                      {row.unit.login && <span className="table__muted"> {row.unit.login}</span>}
                      {row.municipalityName && row.unit.level === 'ORGANIZATION' && (
                        <div className="table__muted">{row.municipalityName}</div>
                      )}
                    </td>
                    <td className="table__num">{row.participants}</td>
                    <td className="table__num">{row.gradeShares[0] ?? '—'}</td>
                    <td className="table__num">
                      {row.gradeShares.length === 4
                        ? Math.round(((row.gradeShares[2] ?? 0) + (row.gradeShares[3] ?? 0)) * 10) /
                          10
                        : '—'}
                    </td>
                    <td className="table__num">{row.meanScore.toLocaleString('ru-RU')}</td>
                    <td>
                      {row.unit.level === 'ORGANIZATION' ? (
                        row.flags.length === 0 ? (
                          <span className="table__muted">нет</span>
                        ) : readsFlags ? (
                          <button
                            type="button"
                            className="link-button report__flag"
                            data-testid="open-flags"
                            onClick={() => setFlagsOf(row.unit)}
                          >
                            {row.flags.map((flag) => FLAG_TITLES[flag]).join(', ')}
                          </button>
                        ) : (
                          row.flags.length
                        )
                      ) : (
                        `ОО с признаками: ${row.flaggedOrganizations}`
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            totalPages={Math.max(1, Math.ceil(units.data.total / REPORT_UNITS_PAGE_SIZE))}
            totalItems={units.data.total}
            onPageChange={setPage}
            label="Страницы таблицы"
          />
        </>
      )}
      {flagsOf && (
        <FlagsPanel
          campaignId={campaignId}
          subjectKey={subjectKey}
          organization={flagsOf}
          onClose={() => setFlagsOf(null)}
        />
      )}
    </section>
  );
}
