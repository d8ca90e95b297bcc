import { gridColumns } from '../utils/columns';
import type { FormProblem } from '../utils/problems';
import type { FormSheet } from '@/types/api';

/** How many problems the list shows at once; the rest are counted. */
const SHOWN = 100;

type ProblemsListProps = {
  sheet: FormSheet;
  problems: FormProblem[];
  onGoTo: (problem: FormProblem) => void;
};

/** Every problem of the sheet under the grid, each with a link to its cell. */
export function ProblemsList({ sheet, problems, onGoTo }: ProblemsListProps) {
  if (problems.length === 0) return null;
  const titles = new Map(gridColumns(sheet).map((column) => [column.key, column.title]));
  const shown = problems.slice(0, SHOWN);
  return (
    <section className="panel form-problems" aria-labelledby="form-problems-title">
      <h2 id="form-problems-title" className="panel__title">
        Ошибки на листе «{sheet.title}»: {problems.length}
      </h2>
      <ul className="form-problems__list" data-testid="form-problems">
        {shown.map((problem, index) => {
          const where = [
            problem.row !== undefined ? `Строка ${problem.row}` : undefined,
            problem.column ? `«${titles.get(problem.column) ?? problem.column}»` : undefined,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={index} data-testid="form-problem">
              {where && <strong>{where}: </strong>}
              {problem.message}
              {problem.row !== undefined && problem.column && titles.has(problem.column) && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onGoTo(problem)}
                    aria-label={`Перейти к ячейке: строка ${problem.row}, ${titles.get(problem.column)}`}
                  >
                    перейти к ячейке
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {problems.length > SHOWN && (
        <p className="field__hint">
          И ещё {problems.length - SHOWN} — исправьте эти и они появятся.
        </p>
      )}
    </section>
  );
}
