import { Link } from 'react-router';

import { formatNumber } from '@/utils/format';

import { ProgressBar } from './progress-bar';
import type { ScanProgressLevel, ScanProgressRow, SheetCounts } from '@/types/api';

type ProgressTableProps = {
  level: ScanProgressLevel;
  rows: ScanProgressRow[];
  totals?: SheetCounts;
  /** Where a row leads: a region to its organizations, an organization to its errors. */
  rowHref: (row: ScanProgressRow) => string | undefined;
  errorsHref: (row: ScanProgressRow) => string | undefined;
};

const firstColumn: Record<ScanProgressLevel, string> = {
  REGION: 'Регион',
  ORGANIZATION: 'Организация',
  BATCH: 'Файл',
};

/** Rows × progress: uploaded, accepted (of uploaded), errors, scored (of accepted). */
export function ProgressTable({ level, rows, totals, rowHref, errorsHref }: ProgressTableProps) {
  return (
    <div className="table-wrap">
      <table className="table table--stack scans-progress" data-testid="progress-table">
        <thead>
          <tr>
            <th scope="col">{firstColumn[level]}</th>
            <th scope="col" className="table__num">
              Загружено листов
            </th>
            <th scope="col">Принято</th>
            <th scope="col">Ошибки</th>
            <th scope="col">Оценено</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="table__empty">
                Сканов пока нет.
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const href = rowHref(row);
            const errors = errorsHref(row);
            return (
              <tr key={row.key} data-testid="progress-row" data-key={row.key}>
                <td data-label={firstColumn[level]}>
                  {href ? <Link to={href}>{row.name}</Link> : row.name}
                </td>
                <td data-label="Загружено листов" className="table__num" data-testid="uploaded">
                  {formatNumber(row.sheets.uploaded)}
                  {row.sheets.processing > 0 && (
                    <span className="table__muted scans-processing">
                      {' '}
                      (проверяется {formatNumber(row.sheets.processing)})
                    </span>
                  )}
                </td>
                <td data-label="Принято">
                  <ProgressBar
                    value={row.sheets.accepted}
                    total={row.sheets.uploaded}
                    label={`Принято: ${row.name}`}
                  />
                </td>
                <td data-label="Ошибки">
                  <ProgressBar
                    value={row.sheets.errors}
                    total={row.sheets.uploaded}
                    label={`Ошибки: ${row.name}`}
                    tone="error"
                  />
                  {errors && row.sheets.errors > 0 && (
                    <Link to={errors} className="scans-errors-link">
                      Показать ошибки
                    </Link>
                  )}
                </td>
                <td data-label="Оценено">
                  <ProgressBar
                    value={row.sheets.scored}
                    total={row.sheets.accepted}
                    label={`Оценено: ${row.name}`}
                    tone="info"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        {totals && rows.length > 1 && (
          <tfoot>
            <tr data-testid="progress-totals">
              <th scope="row">Всего</th>
              <td data-label="Загружено листов" className="table__num">
                {formatNumber(totals.uploaded)}
              </td>
              <td data-label="Принято">
                <ProgressBar
                  value={totals.accepted}
                  total={totals.uploaded}
                  label="Принято всего"
                />
              </td>
              <td data-label="Ошибки">
                <ProgressBar
                  value={totals.errors}
                  total={totals.uploaded}
                  label="Ошибки всего"
                  tone="error"
                />
              </td>
              <td data-label="Оценено">
                <ProgressBar
                  value={totals.scored}
                  total={totals.accepted}
                  label="Оценено всего"
                  tone="info"
                />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
