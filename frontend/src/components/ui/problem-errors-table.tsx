import type { ProblemError } from '@/types/api';

type ProblemErrorsTableProps = {
  errors: ProblemError[];
  caption?: string;
};

/**
 * The errors of a refused workbook upload, one row each: where (sheet, cell), what was found
 * there and what is wrong — so the user can open the file and fix every one before uploading it
 * again.
 */
export function ProblemErrorsTable({
  errors,
  caption = 'Ошибки в файле',
}: ProblemErrorsTableProps) {
  return (
    <div className="table-wrap" data-testid="problem-errors">
      <table className="table table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Лист</th>
            <th scope="col">Ячейка</th>
            <th scope="col">Значение</th>
            <th scope="col">Ошибка</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={index} data-testid="problem-error-row">
              <td data-label="Лист">{error.sheet ?? '—'}</td>
              <td data-label="Ячейка" className="table__code">
                {error.cell ?? error.field ?? '—'}
              </td>
              <td data-label="Значение">{error.value ?? '—'}</td>
              <td data-label="Ошибка">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
