import type { Ref } from 'react';

import type { FormRow, FormSheet } from '@/types/api';

import type { FormSheets } from '../types';
import type { FormProblem } from '../utils/problems';
import { FormGrid, type FormGridHandle } from './form-grid';
import { FormRecord } from './form-record';
import { ProblemsList } from './problems-list';

const NO_PROBLEMS = new Map<string, string>();

type FormSheetPanelProps = {
  grid: Ref<FormGridHandle>;
  sheets: FormSheet[];
  sheet: FormSheet | undefined;
  onSheet: (key: string) => void;
  rows: FormSheets;
  editable: boolean;
  /** Each sheet's cell problems, by `cellKey(row, column)`. */
  cells: Map<string, Map<string, string>>;
  /** The problems listed under the sheet. */
  problems: FormProblem[];
  notice: string | undefined;
  onNotice: (notice: string) => void;
  onRows: (sheet: string, rows: FormRow[]) => void;
  onGoTo: (problem: FormProblem) => void;
};

/**
 * The «Форма» tab: the sheets' tabs (with their problem counts), how to fill the form in, the
 * current sheet — a grid, or one record — and its problems.
 */
export function FormSheetPanel({
  grid,
  sheets,
  sheet,
  onSheet,
  rows,
  editable,
  cells,
  problems,
  notice,
  onNotice,
  onRows,
  onGoTo,
}: FormSheetPanelProps) {
  return (
    <section
      id="form-panel-form"
      role="tabpanel"
      aria-labelledby="form-tab-form"
      className="form-stack"
    >
      {sheets.length > 1 && (
        <div className="tabs tabs--sheets" role="tablist" aria-label="Листы формы">
          {sheets.map((candidate) => {
            const count = cells.get(candidate.key)?.size ?? 0;
            return (
              <button
                key={candidate.key}
                type="button"
                role="tab"
                aria-selected={candidate.key === sheet?.key}
                className="tabs__tab"
                onClick={() => onSheet(candidate.key)}
              >
                {candidate.title}
                {count > 0 && (
                  <span className="badge badge--error" aria-label={`ошибок: ${count}`}>
                    {count}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
      {editable && (
        <details className="form-help field__hint" data-testid="form-help">
          <summary>Данные сохраняются сами. Как работать с таблицей</summary>
          <p>
            Данные сохраняются сами через пару секунд после ввода. Перемещайтесь по ячейкам
            стрелками, Tab и Enter; PageUp и PageDown листают таблицу, Ctrl+Home и Ctrl+End ведут к
            первой и последней строке. Блок ячеек из Excel можно вставить (Ctrl+V) начиная с
            выбранной ячейки. В ячейке со списком значение выбирают мышью, пробелом или первой
            буквой. Серые столбцы заполняет система. Строку с данными удаляют после подтверждения.
          </p>
        </details>
      )}
      {notice && (
        <p className="alert alert--info" role="status" data-testid="form-notice">
          {notice}
        </p>
      )}
      {sheet &&
        ((sheet.layout ?? 'TABLE') === 'RECORD' ? (
          <FormRecord
            sheet={sheet}
            row={rows[sheet.key]?.[0] ?? {}}
            editable={editable}
            problems={cells.get(sheet.key) ?? NO_PROBLEMS}
            onChange={(row) => onRows(sheet.key, [row])}
          />
        ) : (
          <FormGrid
            key={sheet.key}
            ref={grid}
            sheet={sheet}
            rows={rows[sheet.key] ?? []}
            editable={editable}
            problems={cells.get(sheet.key) ?? NO_PROBLEMS}
            onChange={(next) => onRows(sheet.key, next)}
            onNotice={onNotice}
          />
        ))}
      {sheet && <ProblemsList sheet={sheet} problems={problems} onGoTo={onGoTo} />}
    </section>
  );
}
