import type { ProblemError } from '@/types/api';

type ProblemErrorsTableProps = {
  errors: ProblemError[];
  /** What the errors are about: a workbook's cells (the default) or an archive's entries. */
  variant?: 'workbook' | 'archive';
  caption?: string;
};

/**
 * Every error of a refused upload, one row each — for a workbook where (sheet, cell), what was
 * found there and what is wrong; for an archive the entry and what is wrong with it — so the user
 * can fix every one before uploading again.
 */
export function ProblemErrorsTable({
  errors,
  variant = 'workbook',
  caption = 'Ошибки в файле',
}: ProblemErrorsTableProps) {
  const archive = variant === 'archive';
  return (
    <div className="table-wrap" data-testid="problem-errors">
      <table className="table table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {archive ? (
              <th scope="col">Файл в архиве</th>
            ) : (
              <>
                <th scope="col">Лист</th>
                <th scope="col">Ячейка</th>
                <th scope="col">Значение</th>
              </>
            )}
            <th scope="col">Ошибка</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={index} data-testid="problem-error-row">
              {archive ? (
                <td className="table__code" data-label="Файл в архиве">
                  {error.field ?? error.value ?? error.cell ?? '—'}
                </td>
              ) : (
                <>
                  <td data-label="Лист">{error.sheet ?? '—'}</td>
                  <td data-label="Ячейка" className="table__code">
                    {error.cell ?? error.field ?? '—'}
                  </td>
                  <td data-label="Значение">{error.value ?? '—'}</td>
                </>
              )}
              <td data-label="Ошибка">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
