import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Pagination } from '@/components/ui/pagination';
import type { FormResponse, FormSheet } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { ROWS_PAGE, useFormResponseRows } from '../api/get-form-response-rows';
import type { Respondent } from '../types';

type LargeResponseRowsProps = {
  formId: number;
  respondent: Respondent;
  response: FormResponse;
  sheets: FormSheet[];
};

/**
 * The «Форма» tab of a response too large for the web grid (a protocol uploaded as .xlsx with
 * thousands of rows): what it holds, read a page at a time; it is changed through Excel.
 */
export function LargeResponseRows({
  formId,
  respondent,
  response,
  sheets,
}: LargeResponseRowsProps) {
  const [sheetKey, setSheetKey] = useState(sheets[0]?.key ?? '');
  const [page, setPage] = useState(1);
  const sheet = sheets.find((candidate) => candidate.key === sheetKey) ?? sheets[0];
  const total = response.rowCounts[sheet?.key ?? ''] ?? 0;
  const rows = useFormResponseRows({
    formId,
    respondent,
    sheet: sheet?.key ?? '',
    page,
    version: response.version,
  });
  const all = Object.values(response.rowCounts).reduce((n, count) => n + count, 0);

  return (
    <section
      id="form-panel-form"
      role="tabpanel"
      aria-labelledby="form-tab-form"
      className="form-stack"
      data-testid="form-large"
    >
      <p className="alert alert--info">
        В отчёте {formatNumber(all)} строк — больше, чем удобно править в браузере. Здесь его можно
        просмотреть постранично; чтобы изменить, скачайте его на вкладке «Excel», исправьте и
        загрузите снова.
      </p>
      {sheets.length > 1 && (
        <div className="tabs tabs--sheets" role="tablist" aria-label="Листы формы">
          {sheets.map((candidate) => (
            <button
              key={candidate.key}
              type="button"
              role="tab"
              aria-selected={candidate.key === sheet?.key}
              className="tabs__tab"
              onClick={() => {
                setSheetKey(candidate.key);
                setPage(1);
              }}
            >
              {candidate.title} ({formatNumber(response.rowCounts[candidate.key] ?? 0)})
            </button>
          ))}
        </div>
      )}
      {rows.error && <ErrorMessage error={rows.error} />}
      {sheet && (
        <div className="form-rows__scroll">
          <table className="form-rows" aria-label={sheet.title}>
            <thead>
              <tr>
                <th scope="col">№</th>
                {sheet.columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(rows.data?.rows ?? []).map((row, index) => {
                const number = (rows.data?.offset ?? 0) + index + 1;
                return (
                  <tr key={number} data-testid="form-large-row">
                    <th scope="row">{formatNumber(number)}</th>
                    {sheet.columns.map((column) => (
                      <td key={column.key}>{row[column.key] ?? ''}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        totalPages={Math.ceil(total / ROWS_PAGE)}
        totalItems={total}
        onPageChange={setPage}
        label="Страницы строк отчёта"
      />
    </section>
  );
}
