import type { ProblemError } from '@/types/api';

type ProblemErrorsTableProps = {
  errors: ProblemError[];
  /** What the errors are about: an archive's entries or a workbook's cells. */
  variant: 'archive' | 'workbook';
};

/**
 * Every error of a refused upload, one per row: for an archive, the entry (file in the zip) and
 * what is wrong with it; for a workbook, sheet, cell, value and error.
 */
export function ProblemErrorsTable({ errors, variant }: ProblemErrorsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid="upload-errors">
        <caption className="visually-hidden">Ошибки в загруженном файле</caption>
        <thead>
          {variant === 'archive' ? (
            <tr>
              <th scope="col">Файл в архиве</th>
              <th scope="col">Ошибка</th>
            </tr>
          ) : (
            <tr>
              <th scope="col">Лист</th>
              <th scope="col">Ячейка</th>
              <th scope="col">Значение</th>
              <th scope="col">Ошибка</th>
            </tr>
          )}
        </thead>
        <tbody>
          {errors.map((error, index) =>
            variant === 'archive' ? (
              <tr key={index} data-testid="upload-error-row">
                <td className="table__code" data-label="Файл в архиве">
                  {error.value ?? error.field ?? error.cell ?? '—'}
                </td>
                <td data-label="Ошибка">{error.message}</td>
              </tr>
            ) : (
              <tr key={index} data-testid="upload-error-row">
                <td data-label="Лист">{error.sheet ?? '—'}</td>
                <td className="table__code" data-label="Ячейка">
                  {error.cell ?? error.field ?? '—'}
                </td>
                <td data-label="Значение">{error.value ?? '—'}</td>
                <td data-label="Ошибка">{error.message}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
